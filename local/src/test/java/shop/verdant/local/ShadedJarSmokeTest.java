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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import shop.verdant.http.Json;
import shop.verdant.spec.Route;
import shop.verdant.spec.RouteTable;
import shop.verdant.spec.Tables;

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
        try (JedisPooled redis = new JedisPooled(URI.create(System.getProperty("REDIS_URL")))) {
            redis.del("catalog:category-tree", "catalog:brands", "catalog:product:" + productId);
        }
        Path target = LocalShop.codeHome();
        for (Route route : RouteTable.ROUTES) {
            Path jar = target.resolve("../../functions/" + route.group() + "/target/" + route.group() + "-lambda.jar").normalize();
            assertThat(jar).as("built by mvn package").isRegularFile();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", jar + ":" + target.resolve("test-classes")));
            for (String name : List.of("DYNAMODB_ENDPOINT", "REDIS_URL", "AWS_REGION", Tables.PRODUCTS.envVar(),
                    Tables.CATEGORIES.envVar(), Tables.BRANDS.envVar())) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
            cmd.add(HandlerProbe.class.getName());
            cmd.add(route.handlerClass());
            if (!route.pathParameterNames().isEmpty()) {
                cmd.add(route.pathParameterNames().get(0) + "=" + productId);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(route.handlerClass() + " from " + jar.getFileName() + ":\n" + output).isZero();
        }
        assertThat(Files.size(target.resolve("../../functions/catalog/target/catalog-lambda.jar"))).isPositive();
    }
}
