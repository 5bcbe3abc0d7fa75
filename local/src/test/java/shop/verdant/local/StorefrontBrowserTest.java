package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The storefront in Debian's Chromium, driven by playwright-core against the running local shop:
 * site/e2e/storefront.e2e.mjs searches, filters, sorts, pages and opens a product, and saves screenshots.
 */
class StorefrontBrowserTest {

    @Test
    void aVisitorFillsACartSignsUpOrdersAndTheUnpaidOrderExpires() throws Exception {
        // a short reservation for this run only: the shop's handlers read it per order
        TestShop.get();
        String before = System.getProperty("ORDER_EXPIRY_SECONDS");
        System.setProperty("ORDER_EXPIRY_SECONDS", "6");
        try {
            String output = runScript("shopping.e2e.mjs", 300);
            assertThat(output).contains("shopping: 11 passed, 0 failed");
        } finally {
            System.setProperty("ORDER_EXPIRY_SECONDS", before == null ? "900" : before);
        }
    }

    @Test
    void aVisitorSearchesFiltersSortsAndOpensAProduct() throws Exception {
        runScript("storefront.e2e.mjs", 240);
        Path shots = LocalShop.codeHome().resolve("../../site/e2e/screenshots").normalize();
        assertThat(shots.resolve("storefront-search.png")).isNotEmptyFile();
        assertThat(shots.resolve("storefront-product.png")).isNotEmptyFile();
    }

    @Test
    void aCustomerPaysByCardAfterADecline_orCashOnDelivery_andAnExpiredOrderGoesBackToTheCart() throws Exception {
        String email = "payer-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "Pay-Verdant-2026!";
        Api.token(email, password);   // a confirmed customer
        String output = runScript("payments.e2e.mjs", 240, java.util.Map.of("EMAIL", email, "PASSWORD", password));
        assertThat(output).contains("payments: 5 passed, 0 failed");
    }

    @Test
    void marketingSignsInAndSeesTheTermSearchedEarlierWithItsChart() throws Exception {
        String output = runScript("insights.e2e.mjs", 180);
        assertThat(output).contains("insights: 5 passed, 0 failed");
        assertThat(LocalShop.codeHome().resolve("../../site/e2e/screenshots/insights.png").normalize()).isNotEmptyFile();
    }

    @Test
    void aMerchantCreatesPublishesRestocksAndShips_andTheCustomerSeesTheParcelOnItsWay() throws Exception {
        String email = "parcel-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "Parcel-Verdant-2026!";
        String token = Api.token(email, password);
        String orderId = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        assertThat(PaymentsTest.pay(token, orderId, "cod", java.util.UUID.randomUUID().toString()).status()).isIn(200, 201);
        String output = runScript("backoffice.e2e.mjs", 240, java.util.Map.of("EMAIL", email, "PASSWORD", password, "ORDER_ID", orderId));
        assertThat(output).contains("back office: 11 passed, 0 failed");
        assertThat(PaymentsTest.order(token, orderId).at("/shipments/0/trackingNumber").asText()).isEqualTo("3SVERDANT0042");
    }

    @Test
    void anAgentTakesAPhoneOrder_andTheCustomerFindsItInTheirHistory() throws Exception {
        String email = "caller-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "Caller-Verdant-2026!";
        Api.token(email, password);   // an existing customer, who calls
        String output = runScript("agent.e2e.mjs", 180, java.util.Map.of("EMAIL", email, "PASSWORD", password));
        assertThat(output).contains("agent: 7 passed, 0 failed");
    }

    @Test
    void anAdminMakesAUserAMerchant_whoThenOpensTheirBackOffice() throws Exception {
        String email = "willow-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "Willow-Verdant-2026!";
        Api.token(email, password);   // they signed up in the shop
        String output = runScript("admin.e2e.mjs", 120, java.util.Map.of("EMAIL", email, "PASSWORD", password));
        assertThat(output).contains("admin: 6 passed, 0 failed");
    }

    private static String runScript(String script, int seconds) throws Exception {
        return runScript(script, seconds, java.util.Map.of());
    }

    private static String runScript(String script, int seconds, java.util.Map<String, String> env) throws Exception {
        Path e2e = LocalShop.codeHome().resolve("../../site/e2e").normalize();
        Path chromium = Path.of("/usr/bin/chromium");
        assertThat(chromium).as("Debian's chromium is needed: apt-get install chromium").isExecutable();
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))) {
            run(e2e, 300, "npm", "install", "--no-package-lock", "--no-audit", "--no-fund");
        }
        Path shots = e2e.resolve("screenshots");
        Files.createDirectories(shots);

        // The child's output is read here and printed by this JVM: writing to the inherited stdout
        // would corrupt Surefire's channel to the forked test JVM.
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(e2e.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("BASE_URL", TestShop.get().url().toString());
        pb.environment().put("CHROMIUM", chromium.toString());
        pb.environment().put("SCREENSHOT_DIR", shots.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                output.append(e);
            }
        });
        reader.start();
        boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        System.out.print(output);
        assertThat(finished).as("browser test finished in time").isTrue();
        assertThat(p.exitValue()).as("browser test steps:\n" + output).isZero();
        return output.toString();
    }

    private static void run(Path dir, int seconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-install.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }
}
