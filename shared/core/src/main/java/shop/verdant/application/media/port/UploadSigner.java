package shop.verdant.application.media.port;

import java.time.Instant;
import java.util.Map;

/**
 * Signs a browser upload of one object: a POST of {@code fields} plus the file to {@code url}, which the store accepts
 * only for exactly {@code key}, of type {@code contentType}, of 1 to {@code maxBytes} bytes, before {@code expires}.
 */
public interface UploadSigner {
    record SignedUpload(String url, Map<String, String> fields, Instant expires) {
    }

    SignedUpload sign(String key, String contentType, long maxBytes, Instant expires);
}
