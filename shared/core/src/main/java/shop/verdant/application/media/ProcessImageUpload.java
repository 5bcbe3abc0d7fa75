package shop.verdant.application.media;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.application.media.port.ImageRenderer;
import shop.verdant.application.media.port.ImageUploadLog;
import shop.verdant.application.media.port.ProductImages;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.domain.media.ImageUpload;

/**
 * What happens to an uploaded picture: only an upload the shop signed, for a product its merchant still owns, is taken;
 * its bytes must really be a JPEG, PNG or WebP of a sensible size; the renditions are written (re-encoded, so nothing
 * of the file's metadata, GPS position included, reaches the shop) and the main one attached to the product. The upload
 * itself is removed either way and its outcome recorded once, so a repeated event changes nothing.
 */
public final class ProcessImageUpload {
    /** Who the product's {@code updatedBy} names when a picture is attached. */
    public static final String ACTOR = "system:images";

    private final ImageUploadLog uploads;
    private final ImageObjects objects;
    private final ImageRenderer renderer;
    private final ProductImages products;
    private final Clock clock;

    public ProcessImageUpload(ImageUploadLog uploads, ImageObjects objects, ImageRenderer renderer, ProductImages products,
                              Clock clock) {
        this.uploads = uploads;
        this.objects = objects;
        this.renderer = renderer;
        this.products = products;
        this.clock = clock;
    }

    public enum Outcome { ATTACHED, REFUSED, IGNORED }

    public Outcome process(String key, long size) {
        Optional<ImageRules.UploadKey> parsed = ImageRules.parseUploadKey(key);
        if (parsed.isEmpty()) {
            // nothing the shop signed: no merchant may place objects anywhere else in the upload area
            objects.delete(List.of(key));
            return Outcome.IGNORED;
        }
        ImageRules.UploadKey k = parsed.get();
        Optional<ImageUpload> found = uploads.find(k.uploadId())
                .filter(u -> u.merchantId().equals(k.merchantId()) && u.productId().equals(k.productId()));
        if (found.isEmpty()) {
            objects.delete(List.of(key));
            return Outcome.IGNORED;
        }
        ImageUpload upload = found.get();
        if (upload.status() != ImageUpload.Status.PENDING) {
            objects.delete(List.of(key));
            return upload.status() == ImageUpload.Status.ATTACHED ? Outcome.ATTACHED : Outcome.REFUSED;
        }
        if (size > ImageRules.MAX_BYTES) {
            return refuse(upload, "The file is larger than 5 MB.");
        }
        Optional<byte[]> bytes = objects.read(key);
        if (bytes.isEmpty()) {
            return refuse(upload, "The upload did not arrive; please try again.");
        }
        if (bytes.get().length > ImageRules.MAX_BYTES) {
            return refuse(upload, "The file is larger than 5 MB.");
        }
        if (!products.owner(upload.productId()).map(upload.merchantId()::equals).orElse(false)) {
            return refuse(upload, "The product is no longer in your catalog.");
        }
        ImageRenderer.Renditions renditions;
        try {
            renditions = renderer.render(bytes.get(), ImageRules.WIDTHS);
        } catch (ImageRenderer.Refused e) {
            return refuse(upload, e.getMessage());
        }
        renditions.byWidth().forEach((width, jpeg) ->
                objects.putRendition(ImageRules.renditionKey(upload.productId(), upload.uploadId(), width), jpeg));
        String imageKey = ImageRules.imageKey(upload.productId(), upload.uploadId());
        ProductImages.Attached attached = products.attach(upload.productId(), upload.merchantId(), imageKey,
                ImageRules.MAX_IMAGES_PER_PRODUCT, ACTOR, clock.instant());
        switch (attached) {
            case FULL -> {
                objects.delete(ImageRules.renditionsOf(imageKey));
                return refuse(upload, "The product has " + ImageRules.MAX_IMAGES_PER_PRODUCT + " pictures already; remove one first.");
            }
            case GONE -> {
                objects.delete(ImageRules.renditionsOf(imageKey));
                return refuse(upload, "The product is no longer in your catalog.");
            }
            default -> { }
        }
        uploads.settle(new ImageUpload(upload.uploadId(), upload.merchantId(), upload.productId(), upload.contentType(),
                ImageUpload.Status.ATTACHED, null, imageKey, upload.createdAt(), clock.instant()));
        objects.delete(List.of(key));
        return Outcome.ATTACHED;
    }

    private Outcome refuse(ImageUpload upload, String reason) {
        uploads.settle(new ImageUpload(upload.uploadId(), upload.merchantId(), upload.productId(), upload.contentType(),
                ImageUpload.Status.REFUSED, reason, null, upload.createdAt(), clock.instant()));
        objects.delete(List.of(upload.key()));
        return Outcome.REFUSED;
    }
}
