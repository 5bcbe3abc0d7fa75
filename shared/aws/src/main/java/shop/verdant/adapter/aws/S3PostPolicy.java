package shop.verdant.adapter.aws;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.verdant.application.media.port.UploadSigner;
import shop.verdant.config.Env;
import shop.verdant.http.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * S3's browser-based upload (POST Object with a Signature Version 4 policy), which the SDK does not sign. The policy
 * allows exactly one key, one content type and 1 to {@code maxBytes} bytes, until {@code expires}; S3 refuses any
 * upload outside it. The upload acts with the signing function's credentials (a Lambda role's temporary ones, so the
 * session token is part of the policy), and so with exactly that role's permissions on the bucket.
 */
public final class S3PostPolicy implements UploadSigner {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String bucket;
    private final String region;
    private final String url;
    private final AwsCredentialsProvider credentials;
    private final java.time.Clock clock;

    public S3PostPolicy(String bucket, String region, String url, AwsCredentialsProvider credentials, java.time.Clock clock) {
        this.bucket = bucket;
        this.region = region;
        this.url = url;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * From {@code IMAGES_BUCKET} and {@code IMAGES_UPLOAD_URL} (the bucket's own endpoint on AWS, the local gateway's
     * upload endpoint locally, whose throwaway credentials it checks as S3 would).
     */
    public static S3PostPolicy fromEnvironment(String bucketVariable) {
        String region = Env.get("AWS_REGION", "us-east-1");
        String bucket = Env.require(bucketVariable);
        AwsCredentialsProvider credentials = AwsClients.credentials("S3_ENDPOINT");
        return new S3PostPolicy(bucket, region, Env.get("IMAGES_UPLOAD_URL", "https://" + bucket + ".s3." + region + ".amazonaws.com/"),
                credentials, java.time.Clock.systemUTC());
    }

    @Override
    public SignedUpload sign(String key, String contentType, long maxBytes, Instant expires) {
        AwsCredentials c = credentials.resolveCredentials();
        Instant now = clock.instant();
        String credential = c.accessKeyId() + "/" + DAY.format(now) + "/" + region + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", AMZ_DATE.format(now));
        if (c instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(Map.of(name, value)));
        conditions.add(List.of("content-length-range", 1, maxBytes));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("expiration", DateTimeFormatter.ISO_INSTANT.format(expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        policy.put("conditions", conditions);
        String encoded = Base64.getEncoder().encodeToString(Json.write(policy).getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature(c.secretAccessKey(), DAY.format(now), region, encoded));
        return new SignedUpload(url, fields, expires);
    }

    /** SigV4 over the base64 policy: the key derived from the secret, the day, the region and "s3". */
    public static String signature(String secret, String day, String region, String encodedPolicy) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, encodedPolicy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
