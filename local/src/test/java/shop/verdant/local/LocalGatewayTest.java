package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Contract;
import shop.verdant.contract.SecurityHeaders;
import shop.verdant.http.Json;

/** The local gateway as a browser and a hostile client meet it: raw bytes, big bodies, floods, forged tokens. */
class LocalGatewayTest {

    /** Status line, headers and body of a request sent byte for byte (no client library tidies it up). */
    static String raw(int port, String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void charactersBrowsersSendUnencodedAreServedOrRefusedAsProblemJson_neverAsHtml() throws Exception {
        int port = TestShop.get().url().getPort();
        for (String query : List.of("q=a|b", "q={x}", "q=a^b", "q=a`b", "q=%zz", "q=100%", "q=%", "q=a%7Cb", "q=\"quoted\"")) {
            String answer = raw(port, "GET /api/products?" + query + " HTTP/1.1");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            String lower = answer.toLowerCase();
            assertThat(lower).as(query).doesNotContain("text/html").doesNotContain("exception");
            if (status.contains(" 200 ")) {
                assertThat(lower).as(query).contains("content-type: application/json");
            } else {
                assertThat(status).as(query).contains(" 400 ");
                assertThat(lower).as(query).contains("content-type: application/problem+json");
            }
        }
        // a path the server cannot decode is a problem too, and so is a request line it cannot read
        String badPath = raw(port, "GET /api/products/%zz HTTP/1.1");
        assertThat(badPath.toLowerCase()).contains("application/problem+json").doesNotContain("text/html");
        String garbage = raw(port, "GET /api/products\u0001 HTTP/1.1");
        assertThat(garbage.toLowerCase()).doesNotContain("text/html");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson_andChangesNothing() throws Exception {
        byte[] big = new byte[Gateway.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve("/api/cart/items"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("X-Cart-Token")).isEmpty();
    }

    @Test
    void aClientOverTheRateIsThrottledWithRetryAfter_asTheStageDoes() throws Exception {
        Path work = Files.createTempDirectory("throttle");
        try (Gateway g = new Gateway(0, Contract.ROUTES, work, "http://127.0.0.1:1", Map::of, work.resolve("access.jsonl"),
                new Throttle.Limits(1, 3))) {
            URI uri = URI.create("http://127.0.0.1:" + g.port() + "/api/nothing");
            int[] statuses = new int[5];
            HttpResponse<String> last = null;
            for (int i = 0; i < statuses.length; i++) {
                last = Api.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                statuses[i] = last.statusCode();
            }
            // a burst of 3 passes (to the 404 of an unknown path); the rest wait
            assertThat(statuses).containsExactly(404, 404, 404, 429, 429);
            assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Json.read(last.body(), JsonNode.class).get("type").asText()).isEqualTo("/problems/too-many-requests");
            assertThat(Files.readString(work.resolve("access.jsonl"))).contains("\"status\":429");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersCloudFrontAdds_andTheApiNoCors() throws Exception {
        Map<String, String> expected = SecurityHeaders.all(null);
        for (String path : List.of("/", "/assets/app.js", "/api/brands", "/api/nothing", "/config.json")) {
            HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            expected.forEach((name, value) -> assertThat(r.headers().firstValue(name)).as(path + " " + name).hasValue(value));
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        assertThat(expected.get("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        HttpResponse<String> preflight = Api.HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve("/api/products"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAccessLogKeepsOnlyATruncatedClientAddress() throws Exception {
        String marker = "probe-" + UUID.randomUUID();
        Api.call("GET", "/api/brands", null, null, Map.of("User-Agent", marker));
        String line = Files.readAllLines(TestShop.get().accessLog()).stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(Json.read(line, JsonNode.class).get("ip").asText()).isEqualTo("127.0.0.0");
        assertThat(AccessLog.truncate("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(AccessLog.truncate("2001:db8:85a3:1:2:8a2e:370:7334")).isEqualTo("2001:db8:85a3::");
        assertThat(AccessLog.truncate("::1")).isEqualTo("0:0:0::");
        assertThat(AccessLog.truncate(null)).isEqualTo("-");
    }

    static Api.Response cognito(String operation, String body) {
        return Api.call("POST", "/cognito/", null, body, Map.of("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation,
                "Content-Type", "application/x-amz-json-1.1"));
    }

    @Test
    void theCognitoProxyPassesAccountOperationsOnlyWithAVerifiedAccessToken_andNeverTheMerchantId() throws Exception {
        String access = BadInputAndTokensTest.accessToken();
        assertThat(cognito("GetUser", "{\"AccessToken\":\"" + access + "\"}").status()).isEqualTo(200);
        // cognito-local only decodes tokens; the proxy checks the signature
        String[] parts = access.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Api.Response refused = cognito("GetUser", "{\"AccessToken\":\"" + forged + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("NotAuthorizedException", "Access token is not valid");
        String idToken = Api.customerA();
        assertThat(cognito("GetUser", "{\"AccessToken\":\"" + idToken + "\"}").body()).contains("access token is required");
        // a customer cannot make themselves a merchant by writing the attribute
        Api.Response promote = cognito("UpdateUserAttributes", "{\"AccessToken\":\"" + access + "\",\"UserAttributes\":"
                + "[{\"Name\":\"custom:merchantId\",\"Value\":\"merchant-1\"}]}");
        assertThat(promote.status()).isEqualTo(400);
        assertThat(promote.body()).contains("cannot write the attribute custom:merchantId");
        Api.Response rename = cognito("UpdateUserAttributes", "{\"AccessToken\":\"" + access + "\",\"UserAttributes\":"
                + "[{\"Name\":\"name\",\"Value\":\"Ann Example\"}]}");
        assertThat(rename.status()).as(rename.body()).isEqualTo(200);
        assertThat(cognito("GetUser", "{\"AccessToken\":\"" + access + "\"}").body()).doesNotContain("merchant-1");
    }
}
