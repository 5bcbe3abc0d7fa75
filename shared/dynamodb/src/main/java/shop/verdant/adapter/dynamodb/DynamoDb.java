package shop.verdant.adapter.dynamodb;

import shop.verdant.adapter.aws.AwsClients;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB clients, set up by {@link AwsClients} ({@code DYNAMODB_ENDPOINT} points them at DynamoDB Local). */
public final class DynamoDb {
    private DynamoDb() {
    }

    /**
     * The enhanced client names this interceptor in a resource file and the SDK loads it by name. The
     * reference keeps it in the minimized Lambda jars (ShadedJarSmokeTest fails without it).
     */
    static final Class<?> LOADED_BY_NAME = software.amazon.awssdk.enhanced.dynamodb.internal.ApplyUserAgentInterceptor.class;

    public static DynamoDbClient client() {
        return AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB_ENDPOINT").build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
