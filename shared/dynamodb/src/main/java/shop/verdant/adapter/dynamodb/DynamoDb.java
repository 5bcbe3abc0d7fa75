package shop.verdant.adapter.dynamodb;

import shop.verdant.adapter.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client, set up by {@link AwsClients} ({@code DYNAMODB_ENDPOINT} points it at DynamoDB Local). */
public final class DynamoDb {
    private DynamoDb() {
    }

    public static DynamoDbClient client() {
        return AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB_ENDPOINT").build();
    }
}
