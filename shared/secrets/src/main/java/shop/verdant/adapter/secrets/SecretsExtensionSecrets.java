package shop.verdant.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.verdant.config.Env;
import shop.verdant.config.SecretSource;
import shop.verdant.http.Json;

/**
 * Secrets from Secrets Manager through the AWS Parameters and Secrets Lambda Extension (a layer CDK adds):
 * {@code NAME} is the secret whose ARN is in {@code NAME_SECRET_ARN}, fetched from the extension's local
 * HTTP endpoint with the function's session token, so no Secrets Manager client is in the jar. CDK grants
 * GetSecretValue on that secret alone. Where the variable is absent and a setting {@code NAME} exists (the
 * local shop, tests), the setting is the secret. Each secret is read once per container, on first use.
 */
public final class SecretsExtensionSecrets implements SecretSource {
    private final String endpoint;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    SecretsExtensionSecrets(String endpoint) {
        this.endpoint = endpoint;
    }

    public static SecretSource fromEnvironment() {
        return new SecretsExtensionSecrets("http://localhost:"
                + Env.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773"));
    }

    @Override
    public String get(String name) {
        return read.computeIfAbsent(name, n -> {
            String arn = Env.get(n + "_SECRET_ARN", null);
            return arn == null ? Env.require(n) : fetch(n, arn);
        });
    }

    private String fetch(String name, String arn) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/secretsmanager/get?secretId="
                    + URLEncoder.encode(arn, StandardCharsets.UTF_8)).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            c.setRequestProperty("X-Aws-Parameters-Secrets-Token", Env.require("AWS_SESSION_TOKEN"));
            int status = c.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("secret " + name + " not readable: the secrets extension answered " + status);
            }
            try (InputStream in = c.getInputStream()) {
                JsonNode answer = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
                JsonNode value = answer.get("SecretString");
                if (value == null || value.isNull()) {
                    throw new IllegalStateException("secret " + name + " has no SecretString");
                }
                return value.asText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("secret " + name + " not readable from the secrets extension", e);
        }
    }
}
