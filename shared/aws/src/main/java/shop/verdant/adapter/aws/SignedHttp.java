package shop.verdant.adapter.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import shop.verdant.config.Env;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * One AWS REST call, signed by the SDK's Signature Version 4 signer and sent with its URL-connection client: for
 * adapters that make a call or three of a service whose SDK client would bring its whole model (a service client's
 * methods name every operation's types, and the JVM's verifier loads them; SES v2's is 2.25 MB packed, S3's 12 MB
 * unpacked). {@code s3} signs as S3 wants: the payload's SHA-256 in {@code x-amz-content-sha256}, the path neither
 * normalized nor encoded twice.
 */
public final class SignedHttp {
    /** What a call answered: the status, its headers and the whole body. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String service;
    private final String region;
    private final boolean s3;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SignedHttp(String service, String region, boolean s3, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.service = service;
        this.region = region;
        this.s3 = s3;
        this.credentials = credentials;
        this.http = http;
    }

    /**
     * In Lambda: the function's region and credentials from the runtime's environment; with {@code endpointVariable}
     * set (the local shop, tests), the throwaway credentials the local engines accept.
     */
    public static SignedHttp fromEnvironment(String service, boolean s3, String endpointVariable) {
        return new SignedHttp(service, Env.get("AWS_REGION", "us-east-1"), s3, AwsClients.credentials(endpointVariable),
                UrlConnectionHttpClient.create());
    }

    public String region() {
        return region;
    }

    /** Sends the call; a connection that fails is an UncheckedIOException, any answer (errors too) is returned. */
    public Answer send(SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(uri);
        headers.forEach(request::putHeader);
        if (body != null) {
            request.putHeader("Content-Length", Integer.toString(body.length));
        }
        if (s3) {
            request.putHeader("x-amz-content-sha256", sha256(body == null ? new byte[0] : body));
        }
        ContentStreamProvider content = body == null ? null : () -> new ByteArrayInputStream(body);
        var signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(content)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3));
        HttpExecuteRequest.Builder call = HttpExecuteRequest.builder().request(signed.request());
        if (content != null) {
            call.contentStreamProvider(content);
        }
        try {
            HttpExecuteResponse response = http.prepareRequest(call.build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().map(b -> (InputStream) b).orElseGet(InputStream::nullInputStream)) {
                answer = in.readAllBytes();
            }
            return new Answer(response.httpResponse().statusCode(), response.httpResponse().headers(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(service + " unreachable: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
