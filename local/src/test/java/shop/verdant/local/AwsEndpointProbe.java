package shop.verdant.local;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.aws.AwsClients;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs in a fresh JVM with only a function group's shaded jar (and this class) on the class path, with
 * no endpoint override, as on AWS: builds the group's SDK clients through {@link AwsClients} and makes
 * one call each. The HTTP layer records where the SDK would send it and fails the call, so nothing
 * leaves the machine; exits 0 when every client resolved its regional AWS endpoint. Arguments: the
 * service names to try ({@code dynamodb}, {@code cognito-idp}, {@code cognito-identity}, {@code firehose}).
 */
public final class AwsEndpointProbe {
    private static final List<URI> SENT = new ArrayList<>();

    private AwsEndpointProbe() {
    }

    public static void main(String[] args) {
        String region = System.getenv("AWS_REGION");
        for (String service : args) {
            SENT.clear();
            try {
                switch (service) {
                    case "dynamodb" -> {
                        try (DynamoDbClient client = AwsClients.configure(DynamoDbClient.builder(), "NO_ENDPOINT")
                                .httpClient(new Recorder()).build()) {
                            client.getItem(b -> b.tableName("probe").key(Map.of("id", AttributeValue.fromS("x"))));
                        }
                    }
                    case "cognito-idp" -> {
                        try (var client = AwsClients.configure(
                                software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient.builder(),
                                "NO_ENDPOINT").httpClient(new Recorder()).build()) {
                            client.adminGetUser(b -> b.userPoolId(region + "_probe").username("probe"));
                        }
                    }
                    case "cognito-identity" -> {
                        try (var client = AwsClients.configure(
                                software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient.builder(), "NO_ENDPOINT")
                                .httpClient(new Recorder()).build()) {
                            client.getIdentityPoolRoles(b -> b.identityPoolId(region + ":probe"));
                        }
                    }
                    case "firehose" -> {
                        try (var client = shop.verdant.adapter.firehose.FirehoseTransport.builder()
                                .httpClient(new Recorder()).build()) {
                            client.putRecordBatch(b -> b.deliveryStreamName("probe").records(
                                    software.amazon.awssdk.services.firehose.model.Record.builder()
                                            .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{}")).build()));
                        }
                    }
                    default -> throw new IllegalArgumentException(service);
                }
                System.out.println(service + ": the call did not reach HTTP");
                System.exit(1);
            } catch (software.amazon.awssdk.core.exception.SdkClientException expected) {
                String host = SENT.isEmpty() ? "(none)" : SENT.get(0).getHost();
                System.out.println(service + " -> " + host);
                if (!host.equals(service + "." + region + ".amazonaws.com")) {
                    System.exit(1);
                }
            }
        }
        System.exit(0);
    }

    /** An HTTP client that records the request's address and fails it. */
    private static final class Recorder implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            SENT.add(request.httpRequest().getUri());
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    throw new IOException("the probe sends nothing");
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
