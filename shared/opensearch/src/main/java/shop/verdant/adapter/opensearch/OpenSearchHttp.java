package shop.verdant.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * OpenSearch's REST API over the JDK's HTTP client, JSON in and out. The typed opensearch-java client is 10.5 MB,
 * which would take the catalog jar past its 10 MB budget for the few endpoints used here (index, bulk, search,
 * get, delete, mappings). {@code sign} adds authentication to each request: SigV4 on AWS (fine-grained access
 * control maps the function's role, {@link #signedForAws}), nothing for the local engine.
 */
public final class OpenSearchHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer OpenSearch gave with a status outside 2xx. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Adds authentication to a request about to be sent, from its method, address and body. */
    @FunctionalInterface
    public interface Signer {
        void sign(String method, URI uri, String body, HttpRequest.Builder request);
    }

    private final URI base;
    private final HttpClient http;
    private final Signer sign;
    private final Duration timeout;

    public OpenSearchHttp(URI base, Signer sign, Duration timeout) {
        this.base = base;
        this.sign = sign;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    public static OpenSearchHttp unsigned(String url) {
        return new OpenSearchHttp(URI.create(url.endsWith("/") ? url : url + "/"), (m, u, b, r) -> { }, Duration.ofSeconds(10));
    }

    /**
     * For an OpenSearch Service domain: every request signed with SigV4 for service {@code es} in {@code region},
     * with the credentials Lambda gives the function (its role), which fine-grained access control maps to a role.
     */
    public static OpenSearchHttp signedForAws(String url, String region) {
        return signedForAws(url, region, software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider.create());
    }

    static OpenSearchHttp signedForAws(String url, String region,
                                       software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        var signer = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create();
        Signer sigV4 = (method, uri, body, request) -> {
            var unsigned = software.amazon.awssdk.http.SdkHttpRequest.builder().uri(uri)
                    .method(software.amazon.awssdk.http.SdkHttpMethod.fromValue(method)).build();
            byte[] payload = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                    .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(payload))
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, "es")
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, region));
            signed.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host")) {   // the HTTP client sets it, to the same value
                    values.forEach(v -> request.header(name, v));
                }
            });
        };
        return new OpenSearchHttp(URI.create(url.endsWith("/") ? url : url + "/"), sigV4, Duration.ofSeconds(10));
    }

    /**
     * The client the environment describes: {@code OPENSEARCH_URL}, signed with SigV4 when {@code OPENSEARCH_SIGNING=aws}
     * (the OpenSearch Service domain), unsigned otherwise (the local engine).
     */
    public static OpenSearchHttp fromEnvironment() {
        String url = shop.verdant.config.Env.get("OPENSEARCH_URL", "http://127.0.0.1:9200");
        return "aws".equals(shop.verdant.config.Env.get("OPENSEARCH_SIGNING", "none"))
                ? signedForAws(url, shop.verdant.config.Env.get("AWS_REGION", "us-east-1"))
                : unsigned(url);
    }

    public JsonNode send(String method, String path, Object body) {
        return send(method, path, body == null ? null : write(body), "application/json", false);
    }

    /**
     * As the domain's fine-grained access control master user (HTTP basic authentication over HTTPS): for the
     * security and Dashboards APIs on deploy, which IAM-mapped roles are not given.
     */
    public static OpenSearchHttp basicAuth(String url, String user, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new OpenSearchHttp(URI.create(url.endsWith("/") ? url : url + "/"),
                (m, u, b, r) -> r.header("Authorization", "Basic " + credentials), Duration.ofSeconds(20));
    }

    /** {@code allow404}: a missing index or document answers null instead of failing. */
    public JsonNode send(String method, String path, String body, String contentType, boolean allow404) {
        return send(method, path, body, contentType, allow404, java.util.Map.of());
    }

    public JsonNode send(String method, String path, String body, String contentType, boolean allow404,
                         java.util.Map<String, String> headers) {
        URI uri = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        sign.sign(method, uri, body, request);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 && allow404) {
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                throw new Failure(response.statusCode(), method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("OpenSearch unreachable: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
