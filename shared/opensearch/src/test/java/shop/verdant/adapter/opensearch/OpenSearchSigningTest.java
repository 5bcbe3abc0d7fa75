package shop.verdant.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Requests to a domain carry SigV4 for service es in the function's region, with the role's session token. */
class OpenSearchSigningTest {

    @Test
    void everyRequestIsSignedForEsInTheRegionWithTheSessionToken() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
            seen.put(":body", new String(exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"ok\":true}".getBytes();
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            OpenSearchHttp http = OpenSearchHttp.signedForAws("http://127.0.0.1:" + server.getAddress().getPort(),
                    "eu-west-1", StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "token-1")));
            assertThat(http.send("POST", "products/_search", Map.of("size", 1)).path("ok").asBoolean()).isTrue();
        } finally {
            server.stop(0);
        }
        assertThat(seen.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/es/aws4_request")
                .contains("SignedHeaders=").contains("x-amz-date").contains("host");
        assertThat(seen.get("x-amz-security-token")).isEqualTo("token-1");
        assertThat(seen.get("x-amz-content-sha256")).as("the body is what was signed").isNotBlank();
        assertThat(seen.get(":body")).isEqualTo("{\"size\":1}");
    }
}
