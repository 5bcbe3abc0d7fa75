package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.jwt.CognitoTokenVerifier;
import shop.verdant.http.Json;
import shop.verdant.contract.Route;

/** The local gateway hands a handler the claims the way API Gateway's Cognito authorizer does. */
class GatewayAuthorizerTest {

    @Test
    void claimsArriveAsStringsUnderRequestContextAuthorizerClaims() throws Exception {
        TestShop.get();
        String token = Api.customerA();
        Path work = Files.createTempDirectory("gateway-test");
        var group = new shop.verdant.contract.FunctionGroup("local", "local", "test handlers", java.util.Set.of());
        Route echo = Route.signedIn("GET", "/api/echo", new shop.verdant.contract.Handler(EchoAuthorizerHandler.class.getName(),
                group, Map.of(), "echoes the authorizer's claims"));
        try (Gateway gateway = new Gateway(0, List.of(echo), work, "http://127.0.0.1:1", Map::of, work.resolve("access.jsonl"))) {
            gateway.authorizer(CognitoTokenVerifier.fromEnvironment());
            URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/api/echo");
            HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode claims = Json.read(r.body(), JsonNode.class).get("claims");
            claims.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
            assertThat(claims.get("cognito:groups").asText()).isEqualTo("customers");
            assertThat(claims.get("email").asText()).isEqualTo("customer@verdant.local");
            assertThat(claims.get("token_use").asText()).isEqualTo("id");
            assertThat(claims.get("exp").asText()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4}");
            String sub = claims.get("sub").asText();
            assertThat(Files.readString(work.resolve("access.jsonl"))).contains("\"userSub\":\"" + sub + "\"");

            HttpResponse<String> none = Api.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(Json.read(none.body(), JsonNode.class).get("type").asText()).isEqualTo("/problems/unauthorized");
        }
    }
}
