package shop.verdant.adapter.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a stand-in for the Parameters and Secrets extension's HTTP contract: GET
 * /secretsmanager/get?secretId=ARN with the session token in X-Aws-Parameters-Secrets-Token answers
 * GetSecretValue's JSON; without the token it answers 401.
 */
class SecretsExtensionSecretsTest {
    static final String ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:verdant/cursor-keys-AbCdEf";
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/secretsmanager/get", exchange -> {
            calls.incrementAndGet();
            String token = exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            byte[] body;
            int status;
            if (!"session-token".equals(token)) {
                status = 401;
                body = "{\"message\":\"not authorized\"}".getBytes(StandardCharsets.UTF_8);
            } else if (!query.equals("secretId=" + ARN)) {
                status = 400;
                body = "{\"message\":\"ResourceNotFoundException\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = ("{\"ARN\":\"" + ARN + "\",\"Name\":\"verdant/cursor-keys\",\"SecretString\":\"k1:secret-value\","
                        + "\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("TEST_KEYS_SECRET_ARN");
        System.clearProperty("TEST_KEYS");
        System.clearProperty("AWS_SESSION_TOKEN");
    }

    private SecretsExtensionSecrets secrets() {
        return new SecretsExtensionSecrets("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void readsTheSecretTheArnNames_once_withTheSessionToken() {
        System.setProperty("TEST_KEYS_SECRET_ARN", ARN);
        System.setProperty("AWS_SESSION_TOKEN", "session-token");
        SecretsExtensionSecrets secrets = secrets();
        assertThat(secrets.get("TEST_KEYS")).isEqualTo("k1:secret-value");
        assertThat(secrets.get("TEST_KEYS")).isEqualTo("k1:secret-value");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aRefusedReadFailsLoudly_andNamesTheSecretNotItsValue() {
        System.setProperty("TEST_KEYS_SECRET_ARN", ARN);
        System.setProperty("AWS_SESSION_TOKEN", "stolen");
        assertThatThrownBy(() -> secrets().get("TEST_KEYS")).hasMessageContaining("TEST_KEYS").hasMessageContaining("401");
    }

    @Test
    void withoutAnArnTheSettingIsTheSecret_andNothingIsFetched() {
        System.setProperty("TEST_KEYS", "k1:local");
        assertThat(secrets().get("TEST_KEYS")).isEqualTo("k1:local");
        assertThat(calls).hasValue(0);
        System.clearProperty("TEST_KEYS");
        assertThatThrownBy(() -> secrets().get("TEST_KEYS")).hasMessageContaining("missing configuration: TEST_KEYS");
    }
}
