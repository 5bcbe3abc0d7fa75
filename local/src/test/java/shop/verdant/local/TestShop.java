package shop.verdant.local;

import java.nio.file.Path;

/** One local shop per test JVM (handlers wire themselves once per JVM, as in a Lambda container). */
final class TestShop {
    private static LocalShop shop;

    private TestShop() {
    }

    static synchronized LocalShop get() {
        if (shop == null) {
            try {
                LocalShop.Options defaults = LocalShop.Options.defaults();
                shop = LocalShop.start(new LocalShop.Options(0, 0, 0, 0, null, defaults.siteDir(),
                        Path.of("target", "test-shop").toAbsolutePath(), defaults.s3MockJar()));
            } catch (Exception e) {
                throw new IllegalStateException("local shop did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shop::close));
        }
        return shop;
    }
}
