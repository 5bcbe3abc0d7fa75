package shop.verdant.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import shop.verdant.adapter.aws.S3PostPolicy;
import shop.verdant.http.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's browser-based upload (POST Object), as S3 answers it, in front of S3Mock: the form's Signature Version 4 is
 * checked with the local credentials, the policy's expiry and every condition (exact fields, {@code starts-with},
 * {@code content-length-range}), and no field may go unnamed by the policy. An upload that passes is put into S3Mock,
 * answered 204, and then raised as the bucket's "Object Created" event (what EventBridge delivers on AWS); one that
 * fails is answered with S3's XML error, and nothing is stored.
 */
final class LocalUploads {
    /** Fields S3 never asks a policy to name. */
    private static final Set<String> UNSIGNED = Set.of("policy", "x-amz-signature", "file");

    private final S3Client s3;
    private final String bucket;
    private final String secretKey;
    private final Clock clock;
    private final BiConsumer<String, Long> objectCreated;

    LocalUploads(S3Client s3, String bucket, String secretKey, Clock clock, BiConsumer<String, Long> objectCreated) {
        this.s3 = s3;
        this.bucket = bucket;
        this.secretKey = secretKey;
        this.clock = clock;
        this.objectCreated = objectCreated;
    }

    Exchange.Response serve(Exchange.Request request) {
        if (!request.method().equals("POST")) {
            return error(405, "MethodNotAllowed", "Uploads are POSTs of a form.");
        }
        String type = request.header("Content-Type");
        String boundary = type == null ? null : MultiPart.extractBoundary(type);
        if (boundary == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return error(412, "PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxMemoryFileSize(Gateway.MAX_BODY_BYTES + 1L);
        parser.setUseFilesForPartsWithoutFileName(false);
        try (MultiPartFormData.Parts parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(request.body()))).join()) {
            for (MultiPart.Part part : parts) {
                String name = part.getName();
                if (name == null) {
                    continue;
                }
                if (name.equalsIgnoreCase("file")) {
                    file = Content.Source.asInputStream(part.newContentSource()).readAllBytes();
                    break; // S3 ignores whatever follows the file
                }
                fields.put(name.toLowerCase(Locale.ROOT), part.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return error(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
        }
        if (file == null) {
            return error(400, "InvalidArgument", "POST requires exactly one file upload per request.");
        }
        String key = fields.get("key");
        String policy = fields.get("policy");
        String signature = fields.get("x-amz-signature");
        String credential = fields.get("x-amz-credential");
        if (key == null || key.isEmpty()) {
            return error(400, "InvalidArgument", "Bucket POST must contain a field named 'key'.");
        }
        if (policy == null || signature == null || credential == null || !"AWS4-HMAC-SHA256".equals(fields.get("x-amz-algorithm"))) {
            return error(403, "AccessDenied", "Access Denied");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[3].equals("s3") || !scope[4].equals("aws4_request")) {
            return error(400, "InvalidArgument", "The credential is not a signature version 4 scope.");
        }
        String expected = S3PostPolicy.signature(secretKey, scope[1], scope[2], policy);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        Map<String, Object> doc;
        try {
            doc = Json.read(new String(Base64.getDecoder().decode(policy), StandardCharsets.UTF_8),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (RuntimeException e) {
            return error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
        }
        Object expiration = doc.get("expiration");
        if (!(expiration instanceof String exp) || !Instant.parse(exp).isAfter(clock.instant())) {
            return error(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        Object conditions = doc.get("conditions");
        for (Object c : conditions instanceof List<?> l ? l : List.of()) {
            String failed = check(c, fields, file.length, named);
            if (failed != null) {
                return failed.startsWith("EntityToo") ? error(400, failed.substring(0, failed.indexOf(':')),
                        failed.substring(failed.indexOf(':') + 2)) : error(403, "AccessDenied", failed);
            }
        }
        for (String field : fields.keySet()) {
            if (!UNSIGNED.contains(field) && !field.startsWith("x-ignore-") && !named.contains(field)) {
                return error(403, "AccessDenied", "Invalid according to Policy: Extra input fields: " + field);
            }
        }
        String contentType = fields.getOrDefault("content-type", "binary/octet-stream");
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromInputStream(
                new ByteArrayInputStream(file), file.length));
        objectCreated.accept(key, (long) file.length);
        return Exchange.Response.of(204, null, new byte[0], Map.of("Location", "/" + bucket + "/" + key));
    }

    /** Null when the condition holds; what S3 says otherwise. */
    private String check(Object condition, Map<String, String> fields, long size, java.util.Set<String> named) {
        if (condition instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            String field = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            named.add(field);
            String actual = field.equals("bucket") ? bucket : fields.get(field);
            return String.valueOf(e.getValue()).equals(actual) ? null
                    : "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$" + field + "\", \"" + e.getValue() + "\"]";
        }
        if (condition instanceof List<?> l && l.size() == 3) {
            String op = String.valueOf(l.get(0)).toLowerCase(Locale.ROOT);
            if (op.equals("content-length-range")) {
                long min = ((Number) l.get(1)).longValue();
                long max = ((Number) l.get(2)).longValue();
                if (size > max) {
                    return "EntityTooLarge: Your proposed upload exceeds the maximum allowed size";
                }
                return size < min ? "EntityTooSmall: Your proposed upload is smaller than the minimum allowed size" : null;
            }
            String field = String.valueOf(l.get(1)).replaceFirst("^\\$", "").toLowerCase(Locale.ROOT);
            named.add(field);
            String actual = field.equals("bucket") ? bucket : fields.getOrDefault(field, "");
            boolean holds = op.equals("eq") ? actual.equals(String.valueOf(l.get(2)))
                    : op.equals("starts-with") && actual.startsWith(String.valueOf(l.get(2)));
            return holds ? null : "Invalid according to Policy: Policy Condition failed: [\"" + op + "\", \"$" + field + "\", \""
                    + l.get(2) + "\"]";
        }
        return "Invalid Policy: Invalid Condition.";
    }

    private static Exchange.Response error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</Message></Error>";
        return Exchange.Response.of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
