package shop.verdant.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.Log;

/**
 * An upload's "Object Created" event (EventBridge's S3 event; the local gateway raises the same): the picture is
 * checked, its renditions written and attached to the product, or it is refused with the reason the merchant reads.
 * A fault (S3 or DynamoDB unreachable) throws, so the event is retried and, after its retries, kept in the rule's
 * dead-letter queue; a refusal is an answer, not a fault.
 */
public final class ProcessImageUploadHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Supplier<MediaWiring.Services> services;

    public ProcessImageUploadHandler() {
        this(MediaWiring.SERVICES);
    }

    public ProcessImageUploadHandler(Supplier<MediaWiring.Services> services) {
        this.services = services;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "ProcessImageUpload");
        // what this invocation writes is on the audit log as made by the pictures
        shop.verdant.application.audit.Acting.Scope acting = shop.verdant.application.audit.Acting.as(
                shop.verdant.domain.audit.Actor.system("pictures", context == null ? null : context.getAwsRequestId()));
        try {
            Object detail = event == null ? null : event.get("detail");
            Object object = detail instanceof Map<?, ?> d ? d.get("object") : null;
            Object key = object instanceof Map<?, ?> o ? o.get("key") : null;
            if (!(key instanceof String k)) {
                Log.info("not an object event; ignored", Map.of("event", String.valueOf(event)));
                return Map.of("outcome", "IGNORED");
            }
            Object size = ((Map<?, ?>) object).get("size");
            long bytes = size instanceof Number n ? n.longValue() : 0;
            // S3 writes keys into its events URL-encoded (a space as +); the shop's upload keys have neither
            String decoded = URLDecoder.decode(k, StandardCharsets.UTF_8);
            var outcome = services.get().uploads().process(decoded, bytes);
            Log.info("image upload", Map.of("key", decoded, "bytes", bytes, "outcome", outcome.name()));
            return Map.of("outcome", outcome.name());
        } finally {
            acting.close();
            Log.done();
        }
    }
}
