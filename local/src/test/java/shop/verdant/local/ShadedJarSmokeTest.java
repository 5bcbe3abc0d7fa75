package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.http.Json;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.Contract;
import shop.verdant.contract.FunctionGroup;
import shop.verdant.contract.Need;
import shop.verdant.contract.Route;
import shop.verdant.contract.Schedule;
import shop.verdant.contract.TableStream;
import shop.verdant.contract.Trigger;
import shop.verdant.contract.Buckets;
import shop.verdant.contract.Tables;
import shop.verdant.testing.TestPictures;

/**
 * Every route's handler, run from its group's shaded (minimized) Lambda jar in a fresh JVM against the
 * local engines, with the caches emptied first so the DynamoDB read paths run too: proves the jar
 * that CDK deploys holds every class the handlers load.
 */
class ShadedJarSmokeTest {

    @Test
    void everyHandlerAnswersFromItsShadedJar() throws Exception {
        LocalShop shop = TestShop.get();
        String productId = Json.read(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                shop.url().resolve("/api/products?limit=1")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                JsonNode.class).at("/items/0/id").asText();
        URI redisUrl = URI.create(System.getProperty("REDIS_URL"));
        try (JedisPooled redis = new JedisPooled(new HostAndPort(redisUrl.getHost(), redisUrl.getPort()),
                DefaultJedisClientConfig.builder().password(System.getProperty("REDIS_AUTH")).build())) {
            redis.del("catalog:category-tree", "catalog:brands", "catalog:product:" + productId);
        }
        Path target = LocalShop.codeHome();
        String line = "{\"productId\":\"" + productId + "\",\"quantity\":1}";
        String sub = "claim.sub=probe-" + java.util.UUID.randomUUID();
        // what each route is sent, in contract order (the cart and wishlist calls build on each other)
        Map<String, List<String>> probes = Map.ofEntries(
                Map.entry("/api/products/{id}", List.of("path.id=" + productId)),
                Map.entry("PUT /api/cart", List.of(sub, "body={\"lines\":[" + line + "]}")),
                Map.entry("POST /api/cart/items", List.of(sub, "body=" + line)),
                Map.entry("PATCH /api/cart/items/{productId}", List.of(sub, "path.productId=" + productId, "body={\"quantity\":2}")),
                Map.entry("DELETE /api/cart/items/{productId}", List.of(sub, "path.productId=" + productId)),
                Map.entry("POST /api/cart/merge", List.of(sub, "header.X-Cart-Token=AAAAAAAAAAAAAAAAAAAAAA")),
                Map.entry("PUT /api/wishlist/{productId}", List.of(sub, "path.productId=" + productId)),
                Map.entry("DELETE /api/wishlist/{productId}", List.of(sub, "path.productId=" + productId)),
                Map.entry("POST /api/wishlist/{productId}/move-to-cart", List.of(sub, "path.productId=" + productId, "expect=404")),
                Map.entry("POST /api/orders", List.of(sub, "header.Idempotency-Key=probe-key-0001", "body={\"lines\":[" + line
                        + "],\"shipTo\":{\"name\":\"P\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"1012 AB\",\"country\":\"NL\"}}")),
                Map.entry("GET /api/orders/{id}", List.of(sub, "path.id=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("POST /api/orders/{id}/cancel", List.of(sub, "path.id=" + java.util.UUID.randomUUID(), "expect=404")),
                // the webhook and payment paths load stripe-java and the verifier from the jar
                Map.entry("POST /api/orders/{id}/payments", List.of(sub, "path.id=" + java.util.UUID.randomUUID(),
                        "header.Idempotency-Key=probe-pay-0001", "body={\"provider\":\"stripe\"}", "expect=404")),
                Map.entry("POST /api/admin/orders/{id}/refund", List.of(sub, "claim.cognito:groups=admins",
                        "path.id=" + java.util.UUID.randomUUID(), "header.Idempotency-Key=probe-refund-0001",
                        "body={\"reason\":\"probe\"}", "expect=404")),
                Map.entry("GET /api/insights/search-terms", List.of(sub, "claim.cognito:groups=marketing")),
                Map.entry("GET /api/insights/zero-results", List.of(sub, "claim.cognito:groups=marketing")),
                Map.entry("GET /api/insights/top-viewed", List.of(sub, "claim.cognito:groups=marketing")),
                Map.entry("GET /api/insights/filters", List.of(sub, "claim.cognito:groups=admins")),
                Map.entry("GET /api/insights/funnel", List.of(sub, "claim.cognito:groups=marketing")),
                Map.entry("GET /api/merchant/products", merchant(sub)),
                Map.entry("POST /api/merchant/products", merchant(sub, "body={}", "expect=400")),
                Map.entry("GET /api/merchant/products/{id}", merchant(sub, "path.id=" + productId, "expect=404")),
                Map.entry("PATCH /api/merchant/products/{id}", merchant(sub, "path.id=" + productId, "header.If-Match=*",
                        "body={\"priceMinor\":1}", "expect=404")),
                Map.entry("DELETE /api/merchant/products/{id}", merchant(sub, "path.id=" + productId, "header.If-Match=*",
                        "expect=404")),
                Map.entry("POST /api/merchant/products/{id}/stock", merchant(sub, "path.id=" + productId,
                        "body={\"delta\":1,\"reason\":\"restock\"}", "expect=404")),
                Map.entry("GET /api/merchant/products/{id}/stock", merchant(sub, "path.id=" + productId, "expect=404")),
                Map.entry("POST /api/merchant/products/{id}/images", merchant(sub, "path.id=" + productId,
                        "body={\"contentType\":\"image/jpeg\"}", "expect=404")),
                Map.entry("GET /api/merchant/products/{id}/images/{uploadId}", merchant(sub, "path.id=" + productId,
                        "path.uploadId=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("PUT /api/merchant/products/{id}/images", merchant(sub, "path.id=" + productId, "header.If-Match=*",
                        "body={\"images\":[]}", "expect=404")),
                Map.entry("GET /api/merchant/shipments", merchant(sub)),
                Map.entry("PATCH /api/merchant/shipments/{orderId}", merchant(sub, "path.orderId=" + java.util.UUID.randomUUID(),
                        "body={\"status\":\"PACKED\"}", "expect=404")),
                Map.entry("GET /api/merchant/dashboard", merchant(sub)),
                Map.entry("POST /api/merchant/imports", merchant(sub, "body=sku,name,price,category\r\nP-1,Probe,1.00,nowhere\r\n",
                        "expect=201")),
                Map.entry("GET /api/merchant/imports/{id}", merchant(sub, "path.id=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("POST /api/merchant/imports/{id}/run", merchant(sub, "path.id=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("GET /api/merchant/imports/{id}/errors", merchant(sub, "path.id=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("GET /api/merchant/import-template", merchant(sub)),
                Map.entry("GET /api/agent/customers", List.of(sub, "claim.cognito:groups=agents", "query.email=customer@verdant.local")),
                Map.entry("POST /api/agent/orders", List.of(sub, "claim.cognito:groups=agents", "header.Idempotency-Key=probe-phone-0001",
                        "body={\"customer\":{\"name\":\"Probe Caller\",\"email\":\"probe-caller-" + java.util.UUID.randomUUID()
                                + "@example.com\",\"phone\":\"+31 6 1234 5678\"},\"lines\":[" + line
                                + "],\"shipTo\":{\"name\":\"P\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"1012 AB\",\"country\":\"NL\"}}",
                        "expect=201")),
                Map.entry("GET /api/admin/merchants", List.of(sub, "claim.cognito:groups=admins")),
                Map.entry("POST /api/admin/merchants/{merchantId}/suspension", List.of(sub, "claim.cognito:groups=admins",
                        "path.merchantId=merchant-probe-000000", "body={\"reason\":\"a probe\"}", "expect=404")),
                Map.entry("DELETE /api/admin/merchants/{merchantId}/suspension", List.of(sub, "claim.cognito:groups=admins",
                        "path.merchantId=merchant-probe-000000", "expect=404")),
                Map.entry("GET /api/admin/orders", List.of(sub, "claim.cognito:groups=admins", "query.status=PAID")),
                Map.entry("GET /api/admin/orders/{orderId}", List.of(sub, "claim.cognito:groups=admins",
                        "path.orderId=" + java.util.UUID.randomUUID(), "expect=404")),
                Map.entry("GET /api/admin/categories", List.of(sub, "claim.cognito:groups=admins")),
                Map.entry("POST /api/admin/categories", List.of(sub, "claim.cognito:groups=admins", "body={\"name\":\"x\"}", "expect=400")),
                Map.entry("PATCH /api/admin/categories/{categoryId}", List.of(sub, "claim.cognito:groups=admins",
                        "path.categoryId=no-such-category", "body={\"name\":\"Probe Shelf\"}", "expect=404")),
                Map.entry("DELETE /api/admin/categories/{categoryId}", List.of(sub, "claim.cognito:groups=admins",
                        "path.categoryId=no-such-category", "expect=404")),
                Map.entry("GET /api/admin/brands", List.of(sub, "claim.cognito:groups=admins")),
                Map.entry("POST /api/admin/brands", List.of(sub, "claim.cognito:groups=admins", "body={\"name\":\"x\"}", "expect=400")),
                Map.entry("PATCH /api/admin/brands/{brandId}", List.of(sub, "claim.cognito:groups=admins", "path.brandId=no-such-brand",
                        "body={\"retired\":true}", "expect=404")),
                Map.entry("POST /api/admin/products/{productId}/moderation", List.of(sub, "claim.cognito:groups=admins",
                        "path.productId=no-such-product", "body={\"reason\":\"a probe\"}", "expect=404")),
                Map.entry("GET /api/admin/audit", List.of(sub, "claim.cognito:groups=admins", "query.entity=product")),
                Map.entry("POST /api/admin/merchants", List.of(sub, "claim.cognito:groups=admins",
                        "body={\"email\":\"nobody-" + java.util.UUID.randomUUID() + "@example.com\",\"displayName\":\"Probe Goods\"}",
                        "expect=201")),
                Map.entry("POST /api/admin/staff", List.of(sub, "claim.cognito:groups=admins",
                        "body={\"email\":\"staff-" + java.util.UUID.randomUUID() + "@example.com\",\"name\":\"Probe Person\",\"role\":\"agent\"}",
                        "expect=201")),
                Map.entry("GET /api/admin/staff", List.of(sub, "claim.cognito:groups=admins")),
                Map.entry("DELETE /api/admin/staff/{username}/roles/{role}", List.of(sub, "claim.cognito:groups=admins",
                        "path.username=no-such-member", "path.role=agent", "expect=404")),
                Map.entry("POST /api/webhooks/stripe", List.of("header.Stripe-Signature=t=1,v1=00", "body={\"id\":\"evt_1\"}",
                        "expect=400")));
        String triggerUser = "trigger-" + java.util.UUID.randomUUID() + "@example.com";
        try (CognitoSetup setup = new CognitoSetup(shop.cognitoEndpoint())) {
            setup.ensureUser(shop.userPool().userPoolId(), shop.userPool().clientId(), triggerUser, "Trigger-Probe-1", null, null);
        }
        String pool = shop.userPool().userPoolId();
        // a real upload for the image function to take: signed through the API, its picture put straight into S3Mock
        // (the gateway raises no event for it), so the function run from its jar decodes and scales it
        String[] upload = ImagesTest.uploadWithoutEvent(TestPictures.jpegWithExif(900, 600, 1));
        List<String[]> runs = new ArrayList<>();
        for (Trigger trigger : Contract.TRIGGERS) {
            String jar = trigger.handler().group().jar();
            String handler = trigger.handler().className();
            runs.add(new String[] {jar, String.join("\u0000", trigger.accept(new Trigger.Visitor<List<String>>() {
                public List<String> route(Route route) {
                    List<String> args = new ArrayList<>(List.of(handler, "method=" + route.method()));
                    args.addAll(probes.getOrDefault(route.method() + " " + route.path(),
                            probes.getOrDefault(route.path(), route.auth() == Route.Auth.NONE ? List.of() : List.of(sub))));
                    return args;
                }

                public List<String> schedule(Schedule s) {
                    return List.of(handler, "schedule");
                }

                public List<String> stream(TableStream s) {
                    return List.of(handler, "stream", productId, s.table().logicalName());
                }

                public List<String> cognito(CognitoTrigger c) {
                    return List.of(handler, "post-confirmation", pool, triggerUser);
                }

                public List<String> deploy(shop.verdant.contract.DeployHook h) {
                    return List.of(handler, "deploy");
                }

                public List<String> bucket(shop.verdant.contract.BucketEvent b) {
                    return List.of(handler, "bucket", upload[0], upload[1], "ATTACHED");
                }

                public List<String> feed(shop.verdant.contract.ChangeFeed f) {
                    return List.of(handler, "feed", productId, f.tables().get(0).logicalName());
                }
            }))});
        }
        for (String[] run : runs) {
            Path jar = target.resolve("../..").resolve(run[0]).normalize();
            assertThat(jar).as("built by mvn package").isRegularFile();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", jar + ":" + target.resolve("test-classes")));
            List<String> props = new ArrayList<>(List.of("DYNAMODB_ENDPOINT", "REDIS_URL", "AWS_REGION", "COGNITO_ISSUER", "COGNITO_ENDPOINT",
                    "COGNITO_CLIENT_ID", "ORDER_EXPIRY_SECONDS", "REDIS_AUTH", "CURSOR_KEYS", "CART_TOKEN_KEYS",
                    "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY", "STRIPE_API_BASE", "OPENSEARCH_URL",
                    "S3_ENDPOINT", Buckets.IMAGES.envVar(), "IMAGES_UPLOAD_URL", "USER_POOL_ID",
                    "STAFF_POOL_ID", "STAFF_CLIENT_ID"));
            Tables.ALL.forEach(t -> props.add(t.envVar()));
            for (String name : props) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
            cmd.add(HandlerProbe.class.getName());
            cmd.addAll(List.of(run[1].split("\u0000")));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            // as on Lambda, metrics are written (EMF, here to standard output): their classes must be in the jar too
            pb.environment().put("AWS_EMF_ENVIRONMENT", "Local");
            pb.environment().put("POWERTOOLS_METRICS_NAMESPACE", "Verdant");
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(run[1].replace('\u0000', ' ') + " from " + jar.getFileName() + ":\n" + output).isZero();
        }
        for (FunctionGroup group : Contract.GROUPS) {
            // as on AWS: no endpoint override, so the SDK resolves its regional endpoint from the jar alone
            List<String> services = new ArrayList<>();
            if (Contract.TRIGGERS.stream().anyMatch(t -> t.handler().group() == group && !t.handler().tables().isEmpty())) {
                services.add("dynamodb");
            }
            if (group.needs(Need.USER_POOL_ADMIN)) {
                services.add("cognito-idp");
            }
            if (Contract.TRIGGERS.stream().anyMatch(t -> t.handler().group() == group && t.handler().needs().contains(Need.BEHAVIOUR_STREAM))) {
                services.add("firehose");
            }
            if (Contract.TRIGGERS.stream().anyMatch(t -> t.handler().group() == group
                    && t.handler().needs().contains(Need.DASHBOARDS_SIGN_IN))) {
                if (!services.contains("cognito-idp")) {
                    services.add("cognito-idp");
                }
                services.add("cognito-identity");
            }
            Path jar = target.resolve("../..").resolve(group.jar()).normalize();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", jar + ":" + target.resolve("test-classes"), AwsEndpointProbe.class.getName()));
            cmd.addAll(services);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDPROBE",
                    "AWS_SECRET_ACCESS_KEY", "probe"));
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(group.name() + " endpoints from " + jar.getFileName() + ":\n" + output).isZero();
            assertThat(services).as(group.name() + " calls AWS").isNotEmpty();
            for (String service : services) {
                assertThat(output).contains(service + " -> " + service + ".eu-west-1.amazonaws.com");
            }
        }
        assertThat(Api.groupsInToken(triggerUser, "Trigger-Probe-1")).as("the trigger, run from its jar, added the user")
                .containsExactly("customers");
    }

    /** A back-office probe's arguments: a member of merchants with a merchant id of its own (none of the shop's objects). */
    private static List<String> merchant(String sub, String... more) {
        List<String> args = new ArrayList<>(List.of(sub, "claim.cognito:groups=merchants", "claim.custom:merchantId=probe-merchant"));
        args.addAll(List.of(more));
        return args;
    }
}
