package shop.verdant.local;

import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.domain.audit.Actor;

import java.nio.file.Path;

/** One local shop per test JVM (handlers wire themselves once per JVM, as in a Lambda container). */
final class TestShop {
    private static LocalShop shop;
    private static FaultyProxy proxy;

    /** What stands between the shop and OpenSearch. */
    static FaultyProxy openSearchProxy() {
        get();
        return proxy;
    }

    private TestShop() {
    }

    /** A client for the tests' own writes to the tables, on the audit log as made by {@code system:test}. */
    static software.amazon.awssdk.services.dynamodb.DynamoDbClient writer() {
        get();
        return DynamoDb.clientActingAs(Actor.system("test", null));
    }

    static synchronized LocalShop get() {
        if (shop == null) {
            // the fault tests hang the Stripe stand-in past this; production keeps 10 s
            System.setProperty("STRIPE_READ_TIMEOUT_MS", "1500");
            try {
                // the shop shares the test JVM's one OpenSearch (a second in-process node would double the memory),
            // through a proxy the outage test can cut; its tracking buffers hold 500 records, so that test can fill them
            try {
                java.net.URI os = java.net.URI.create(TestOpenSearch.url());
                proxy = new FaultyProxy(os.getHost(), os.getPort());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty("VERDANT_OPENSEARCH_URL", proxy.url());
            System.setProperty("VERDANT_TRACKING_CAPACITY", "500");
            shop = LocalShop.start(LocalShop.Options.defaults().withPort(0)
                        .withWorkDir(Path.of("target", "test-shop").toAbsolutePath())
                        .withOrders(900, 1));
            } catch (Exception e) {
                throw new IllegalStateException("local shop did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shop::close));
        }
        return shop;
    }
}
