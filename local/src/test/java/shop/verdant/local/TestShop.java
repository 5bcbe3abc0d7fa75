package shop.verdant.local;

import java.nio.file.Path;

/** One local shop per test JVM (handlers wire themselves once per JVM, as in a Lambda container). */
final class TestShop {
    private static LocalShop shop;

    private TestShop() {
    }

    static synchronized LocalShop get() {
        if (shop == null) {
            // the fault tests hang the Stripe stand-in past this; production keeps 10 s
            System.setProperty("STRIPE_READ_TIMEOUT_MS", "1500");
            try {
                // the shop shares the test JVM's one OpenSearch (a second in-process node would double the memory)
            System.setProperty("VERDANT_OPENSEARCH_URL", TestOpenSearch.url());
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
