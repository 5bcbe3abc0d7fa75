package shop.verdant.adapter.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The images bucket's objects through S3's REST API: GET, PUT and DELETE of one object, each signed by the SDK's
 * Signature Version 4 signer (as S3 wants it: the payload's SHA-256 in {@code x-amz-content-sha256}, the path neither
 * normalized nor encoded twice) and sent with the SDK's HTTP client. Not the SDK's S3 client: it reaches every class of
 * the S3 model (12 MB unpacked, 1,800 classes), which would more than fill the image functions' jar budget for three
 * calls. Renditions are immutable (a new picture gets new keys), so CloudFront and browsers may keep them a year.
 */
public final class S3ImageObjects implements ImageObjects {
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final URI bucketUrl;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code bucketUrl}: the bucket's endpoint, ending in a slash (virtual-hosted on AWS, path-style for S3Mock). */
    public S3ImageObjects(URI bucketUrl, String region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.bucketUrl = bucketUrl;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
    }

    /** The bucket {@code bucketVariable} names in the function's region; {@code S3_ENDPOINT} (path-style) for S3Mock. */
    public static S3ImageObjects fromEnvironment(String bucketVariable) {
        String region = Env.get("AWS_REGION", "us-east-1");
        String bucket = Env.require(bucketVariable);
        String endpoint = Env.get("S3_ENDPOINT", null);
        if (endpoint != null) {
            return new S3ImageObjects(URI.create(endpoint.replaceAll("/+$", "") + "/" + bucket + "/"), region,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), UrlConnectionHttpClient.create());
        }
        return new S3ImageObjects(URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com/"), region,
                EnvironmentVariableCredentialsProvider.create(), UrlConnectionHttpClient.create());
    }

    @Override
    public Optional<byte[]> read(String key) {
        try (Answer answer = send(SdkHttpMethod.GET, key, null, null)) {
            if (answer.status() == 404) {
                return Optional.empty();
            }
            return Optional.of(answer.ok("GET " + key).readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putRendition(String key, byte[] jpeg) {
        try (Answer answer = send(SdkHttpMethod.PUT, key, jpeg, "image/jpeg")) {
            answer.ok("PUT " + key);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            try (Answer answer = send(SdkHttpMethod.DELETE, key, null, null)) {
                if (answer.status() != 404) {
                    answer.ok("DELETE " + key);
                }
            }
        }
    }

    private Answer send(SdkHttpMethod method, String key, byte[] body, String contentType) {
        byte[] payload = body == null ? new byte[0] : body;
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .uri(bucketUrl.resolve(SdkHttpUtils.urlEncodeIgnoreSlashes(key)))
                .putHeader("x-amz-content-sha256", sha256(payload));
        if (body != null) {
            request.putHeader("Content-Type", contentType)
                    .putHeader("Cache-Control", CACHE_CONTROL)
                    .putHeader("Content-Length", Integer.toString(body.length));
        }
        ContentStreamProvider content = body == null ? null : () -> new ByteArrayInputStream(body);
        var signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(content)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        HttpExecuteRequest.Builder call = HttpExecuteRequest.builder().request(signed.request());
        if (content != null) {
            call.contentStreamProvider(content);
        }
        try {
            return new Answer(http.prepareRequest(call.build()).call());
        } catch (IOException e) {
            throw new UncheckedIOException("S3 unreachable: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response, whose body is read or discarded before the connection is given back. */
    private record Answer(HttpExecuteResponse response) implements AutoCloseable {
        int status() {
            return response.httpResponse().statusCode();
        }

        InputStream ok(String what) {
            if (status() / 100 != 2) {
                String detail = response.responseBody().map(b -> {
                    try {
                        return new String(b.readNBytes(512), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                }).orElse("");
                throw new IllegalStateException(what + " answered " + status() + ": " + detail);
            }
            return response.responseBody().map(b -> (InputStream) b).orElseGet(InputStream::nullInputStream);
        }

        @Override
        public void close() {
            response.responseBody().ifPresent(b -> {
                try {
                    b.close();
                } catch (IOException ignored) {
                    // the answer was read; nothing more to give back
                }
            });
        }
    }
}
