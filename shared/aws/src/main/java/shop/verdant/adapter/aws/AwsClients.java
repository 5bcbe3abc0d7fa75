package shop.verdant.adapter.aws;

import java.net.URI;
import shop.verdant.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every AWS client of the functions is set up. In Lambda: region and credentials from the runtime's
 * environment variables (no provider-chain probing, which costs cold-start time) and the URL-connection
 * HTTP client. With the endpoint variable set (the local shop, tests): that endpoint and throwaway static
 * credentials, since the local engines check no signatures.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String endpointVariable) {
        builder.httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(Env.get("AWS_REGION", "us-east-1")));
        String endpoint = Env.get(endpointVariable, null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.credentialsProvider(credentials(endpointVariable));
    }

    /**
     * The runtime's credentials from its environment variables; with {@code endpointVariable} set, the throwaway ones
     * the local engines accept (and the local upload endpoint checks signatures with).
     */
    public static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials(String endpointVariable) {
        return Env.get(endpointVariable, null) == null ? EnvironmentVariableCredentialsProvider.create()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
