package shop.verdant.domain.media;

import java.time.Instant;
import java.util.Objects;

/**
 * One image a merchant uploads for one product: opened when the upload is signed, settled once by the image function
 * (ATTACHED with the image's key, or REFUSED with the reason the merchant reads).
 */
public record ImageUpload(String uploadId, String merchantId, String productId, String contentType, Status status,
                          String reason, String imageKey, Instant createdAt, Instant settledAt) {

    public enum Status { PENDING, ATTACHED, REFUSED }

    public ImageUpload {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(status, "status");
    }

    public static ImageUpload open(String uploadId, String merchantId, String productId, String contentType, Instant now) {
        return new ImageUpload(uploadId, merchantId, productId, contentType, Status.PENDING, null, null, now, null);
    }

    /** The object key the browser must upload to, and the only one its policy allows. */
    public String key() {
        return ImageRules.uploadKey(merchantId, productId, uploadId);
    }
}
