package shop.verdant.adapter.s3;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import shop.verdant.adapter.aws.SignedHttp;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.config.Env;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The images bucket's objects through S3's REST API: GET, PUT and DELETE of one object, each a {@link SignedHttp}
 * call. Not the SDK's S3 client: it reaches every class of the S3 model (12 MB unpacked, 1,800 classes), which would
 * more than fill the image functions' jar budget for three calls. Renditions are immutable (a new picture gets new
 * keys), so CloudFront and browsers may keep them a year.
 */
public final class S3ImageObjects implements ImageObjects {
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final SignedHttp http;
    private final URI bucketUrl;

    /** {@code bucketUrl}: the bucket's endpoint, ending in a slash (virtual-hosted on AWS, path-style for S3Mock). */
    public S3ImageObjects(SignedHttp http, URI bucketUrl) {
        this.http = http;
        this.bucketUrl = bucketUrl;
    }

    /** The bucket {@code bucketVariable} names in the function's region; {@code S3_ENDPOINT} (path-style) for S3Mock. */
    public static S3ImageObjects fromEnvironment(String bucketVariable) {
        SignedHttp http = SignedHttp.fromEnvironment("s3", true, "S3_ENDPOINT");
        String bucket = Env.require(bucketVariable);
        String endpoint = Env.get("S3_ENDPOINT", null);
        return new S3ImageObjects(http, URI.create(endpoint != null ? endpoint.replaceAll("/+$", "") + "/" + bucket + "/"
                : "https://" + bucket + ".s3." + http.region() + ".amazonaws.com/"));
    }

    @Override
    public Optional<byte[]> read(String key) {
        SignedHttp.Answer answer = call(SdkHttpMethod.GET, key, Map.of(), null);
        if (answer.status() == 404 && answer.text().contains("NoSuchKey")) {
            return Optional.empty();
        }
        return Optional.of(ok(answer, "GET " + key).body());
    }

    @Override
    public void putRendition(String key, byte[] jpeg) {
        ok(call(SdkHttpMethod.PUT, key, Map.of("Content-Type", "image/jpeg", "Cache-Control", CACHE_CONTROL), jpeg), "PUT " + key);
    }

    @Override
    public void delete(Collection<String> keys) {
        // S3 answers 204 for a key that is not there; a 404 is the bucket missing, which is a fault
        for (String key : keys) {
            ok(call(SdkHttpMethod.DELETE, key, Map.of(), null), "DELETE " + key);
        }
    }

    private SignedHttp.Answer call(SdkHttpMethod method, String key, Map<String, String> headers, byte[] body) {
        return http.send(method, bucketUrl.resolve(SdkHttpUtils.urlEncodeIgnoreSlashes(key)), headers, body);
    }

    private static SignedHttp.Answer ok(SignedHttp.Answer answer, String what) {
        if (!answer.ok()) {
            String text = answer.text();
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + text.substring(0, Math.min(512, text.length())));
        }
        return answer;
    }
}
