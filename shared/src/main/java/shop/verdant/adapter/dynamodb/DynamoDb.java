package shop.verdant.adapter.dynamodb;

import java.net.URI;
import shop.verdant.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB clients. In Lambda: region and credentials from the runtime's environment variables (no
 * provider-chain probing, which costs cold-start time). With {@code DYNAMODB_ENDPOINT} set (the local
 * shop, tests): that endpoint and throwaway static credentials.
 */
public final class DynamoDb {
    private DynamoDb() {
    }

    /**
     * The enhanced client names this interceptor in a resource file and the SDK loads it by name. The
     * reference keeps it in the minimized Lambda jars (ShadedJarSmokeTest fails without it).
     */
    static final Class<?> LOADED_BY_NAME = software.amazon.awssdk.enhanced.dynamodb.internal.ApplyUserAgentInterceptor.class;

    public static DynamoDbClient client() {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(Env.get("AWS_REGION", "us-east-1")));
        String endpoint = Env.get("DYNAMODB_ENDPOINT", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder.build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
