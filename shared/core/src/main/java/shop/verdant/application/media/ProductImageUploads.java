package shop.verdant.application.media;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import shop.verdant.application.backoffice.EntityTags;
import shop.verdant.application.backoffice.MerchantProducts;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.backoffice.port.MerchantCatalogStore.Listing;
import shop.verdant.application.media.port.ImageUploadLog;
import shop.verdant.application.media.port.UploadSigner;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.domain.media.ImageUpload;

/**
 * A merchant's side of product images: signing an upload of one picture for one of their products (the browser sends
 * it straight to the bucket; the image function takes it from there), following it to its outcome, and arranging the
 * product's images (their order, and which stay).
 */
public final class ProductImageUploads {
    private final MerchantProducts products;
    private final MerchantCatalogStore catalog;
    private final ImageUploadLog uploads;
    private final UploadSigner signer;
    private final Clock clock;
    private final Supplier<String> newId;

    public ProductImageUploads(MerchantProducts products, MerchantCatalogStore catalog, ImageUploadLog uploads,
                               UploadSigner signer, Clock clock, Supplier<String> newId) {
        this.products = products;
        this.catalog = catalog;
        this.uploads = uploads;
        this.signer = signer;
        this.clock = clock;
        this.newId = newId;
    }

    public record Started(ImageUpload upload, UploadSigner.SignedUpload signed, long maxBytes) {
    }

    /** Opens an upload of a picture of {@code contentType} for the merchant's product, and signs it. */
    public Started start(String merchantId, String productId, String contentType) {
        String type = ImageRules.contentType(contentType);
        Listing listing = products.get(merchantId, productId);
        if (listing.product().images().size() >= ImageRules.MAX_IMAGES_PER_PRODUCT) {
            throw new UnprocessableException("too-many-images", "This product has all the pictures it can have",
                    "A product has at most " + ImageRules.MAX_IMAGES_PER_PRODUCT + " pictures; remove one first.");
        }
        Instant now = clock.instant();
        ImageUpload upload = ImageUpload.open(newId.get(), merchantId, productId, type, now);
        uploads.open(upload);
        return new Started(upload, signer.sign(upload.key(), type, ImageRules.MAX_BYTES, now.plus(ImageRules.UPLOAD_WINDOW)),
                ImageRules.MAX_BYTES);
    }

    /** An upload of the merchant's product, as it stands. */
    public ImageUpload status(String merchantId, String productId, String uploadId) {
        return uploads.find(uploadId)
                .filter(u -> u.merchantId().equals(merchantId) && u.productId().equals(productId))
                .orElseThrow(() -> new NotFoundException("No image upload " + uploadId + " for this product."));
    }

    /**
     * Keeps {@code images} (a selection of the product's own, in the order wanted) if {@code ifMatch} names the
     * revision the merchant read; what is left out is removed (its renditions follow from the Products stream).
     */
    public Listing arrange(String merchantId, String actor, String productId, String ifMatch, List<String> images) {
        Listing current = products.get(merchantId, productId);
        long revision = EntityTags.expected(ifMatch, current.revision());
        if (images == null) {
            throw ValidationException.of("images", "The list of the product's pictures to keep, in order.");
        }
        List<String> had = current.product().images();
        Set<String> seen = new HashSet<>();
        for (String key : images) {
            if (!had.contains(key)) {
                throw ValidationException.of("images", "Only the product's own pictures can be arranged; upload new ones.");
            }
            if (!seen.add(key)) {
                throw ValidationException.of("images", "Each picture once.");
            }
        }
        return catalog.arrangeImages(current.product(), images, revision, actor, clock.instant());
    }
}
