package shop.verdant.adapter.dynamodb;

import java.util.Set;
import java.util.stream.Collectors;
import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.config.Env;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client, set up by {@link AwsClients} ({@code DYNAMODB_ENDPOINT} points it at DynamoDB Local), with every
 * write to an audited table stamped with who acted ({@link ActorStamp}).
 */
public final class DynamoDb {
    private DynamoDb() {
    }

    public static DynamoDbClient client() {
        return client(new ActorStamp(audited()));
    }

    /**
     * A client whose every write acts as {@code actor}, whichever thread makes it: for what runs outside any invocation
     * (the local shop's seed, a test's own writes), never for a function.
     */
    public static DynamoDbClient clientActingAs(shop.verdant.domain.audit.Actor actor) {
        return client(new ActorStamp(audited(), () -> actor));
    }

    private static DynamoDbClient client(ActorStamp stamp) {
        return AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB_ENDPOINT")
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(stamp).build())
                .build();
    }

    /** The audited tables' names as this function knows them (those it has no name for, it cannot write). */
    static Set<String> audited() {
        return Tables.AUDITED.keySet().stream().map(spec -> Env.get(spec.envVar(), null))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
