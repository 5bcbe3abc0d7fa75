package shop.verdant.application.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.application.media.port.ImageRenderer;
import shop.verdant.application.media.port.ImageUploadLog;
import shop.verdant.application.media.port.ProductImages;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.domain.media.ImageUpload;

/** The image function's decisions, on fakes of its ports: what it takes, what it refuses and why, and that once is enough. */
class ProcessImageUploadTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final Map<String, ImageUpload> uploads = new HashMap<>();
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final Map<String, List<String>> productImages = new HashMap<>(Map.of("p1", new ArrayList<>()));
    private final Map<String, String> owners = new HashMap<>(Map.of("p1", "m1"));
    private int rendered;

    private final ImageUploadLog log = new ImageUploadLog() {
        public void open(ImageUpload u) {
            uploads.put(u.uploadId(), u);
        }

        public Optional<ImageUpload> find(String id) {
            return Optional.ofNullable(uploads.get(id));
        }

        public boolean settle(ImageUpload u) {
            if (uploads.get(u.uploadId()).status() != ImageUpload.Status.PENDING) {
                return false;
            }
            uploads.put(u.uploadId(), u);
            return true;
        }
    };

    private final ImageObjects bucket = new ImageObjects() {
        public Optional<byte[]> read(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        public void putRendition(String key, byte[] jpeg) {
            objects.put(key, jpeg);
        }

        public void delete(Collection<String> keys) {
            keys.forEach(objects::remove);
        }
    };

    private final ImageRenderer renderer = (bytes, widths) -> {
        rendered++;
        if (bytes[0] != 'P') {
            throw new ImageRenderer.Refused("The file is not a picture: upload a JPEG, PNG or WebP image.");
        }
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        widths.forEach(w -> out.put(w, ("jpeg" + w).getBytes()));
        return new ImageRenderer.Renditions("png", 1000, 800, out);
    };

    private final ProductImages products = new ProductImages() {
        public Attached attach(String productId, String merchantId, String imageKey, int max, String actor, Instant at) {
            List<String> images = productImages.get(productId);
            if (images == null || !merchantId.equals(owners.get(productId))) {
                return Attached.GONE;
            }
            if (images.contains(imageKey)) {
                return Attached.ALREADY;
            }
            if (images.size() >= max) {
                return Attached.FULL;
            }
            images.add(imageKey);
            return Attached.ATTACHED;
        }

        public Optional<String> owner(String productId) {
            return Optional.ofNullable(owners.get(productId));
        }
    };

    private final ProcessImageUpload process = new ProcessImageUpload(log, bucket, renderer, products, clock);

    private ImageUpload uploaded(String id, byte[] bytes) {
        ImageUpload u = ImageUpload.open(id, "m1", "p1", "image/png", clock.instant());
        log.open(u);
        objects.put(u.key(), bytes);
        return u;
    }

    @Test
    void aPictureIsRenderedAttachedAndItsUploadRemoved_andTheSameEventAgainChangesNothing() {
        ImageUpload u = uploaded("u1", "PNG...".getBytes());
        assertThat(process.process(u.key(), 6)).isEqualTo(ProcessImageUpload.Outcome.ATTACHED);
        String key = ImageRules.imageKey("p1", "u1");
        assertThat(productImages.get("p1")).containsExactly(key);
        assertThat(objects).containsOnlyKeys(ImageRules.renditionsOf(key));
        assertThat(uploads.get("u1").status()).isEqualTo(ImageUpload.Status.ATTACHED);
        assertThat(uploads.get("u1").imageKey()).isEqualTo(key);

        assertThat(process.process(u.key(), 6)).isEqualTo(ProcessImageUpload.Outcome.ATTACHED);
        assertThat(rendered).as("a repeated event renders nothing").isEqualTo(1);
        assertThat(productImages.get("p1")).hasSize(1);
    }

    @Test
    void aCrashAfterAttachingIsFinishedOnTheRetry_withoutASecondCopy() {
        ImageUpload u = uploaded("u2", "PNG...".getBytes());
        productImages.get("p1").add(ImageRules.imageKey("p1", "u2"));   // attached, then the function died
        assertThat(process.process(u.key(), 6)).isEqualTo(ProcessImageUpload.Outcome.ATTACHED);
        assertThat(productImages.get("p1")).hasSize(1);
        assertThat(uploads.get("u2").status()).isEqualTo(ImageUpload.Status.ATTACHED);
    }

    @Test
    void refusalsSayWhy_removeTheUpload_andLeaveNoRenditions() {
        ImageUpload text = uploaded("u3", "MZ not a picture".getBytes());
        assertThat(process.process(text.key(), 16)).isEqualTo(ProcessImageUpload.Outcome.REFUSED);
        assertThat(uploads.get("u3").reason()).contains("not a picture");

        ImageUpload big = uploaded("u4", "PNG".getBytes());
        assertThat(process.process(big.key(), ImageRules.MAX_BYTES + 1)).isEqualTo(ProcessImageUpload.Outcome.REFUSED);
        assertThat(uploads.get("u4").reason()).contains("5 MB");

        for (int i = 0; i < ImageRules.MAX_IMAGES_PER_PRODUCT; i++) {
            productImages.get("p1").add("images/products/p1/old" + i + "/800.jpg");
        }
        ImageUpload ninth = uploaded("u5", "PNG...".getBytes());
        assertThat(process.process(ninth.key(), 6)).isEqualTo(ProcessImageUpload.Outcome.REFUSED);
        assertThat(uploads.get("u5").reason()).contains("8 pictures");

        owners.put("p1", "m2");   // the product went to another merchant (or away)
        ImageUpload orphan = uploaded("u6", "PNG...".getBytes());
        assertThat(process.process(orphan.key(), 6)).isEqualTo(ProcessImageUpload.Outcome.REFUSED);
        assertThat(uploads.get("u6").reason()).contains("no longer in your catalog");
        assertThat(objects).as("no upload and no rendition is left behind").isEmpty();
    }

    @Test
    void anObjectTheShopNeverSignedIsRemovedAndIgnored() {
        objects.put("uploads/m1/p1/never-signed", "PNG".getBytes());
        objects.put("uploads/not-a-key", "PNG".getBytes());
        ImageUpload u = uploaded("u7", "PNG".getBytes());
        // signed for m1's p1, but the key names m9
        String forged = "uploads/m9/p1/u7";
        objects.put(forged, "PNG".getBytes());
        assertThat(process.process("uploads/m1/p1/never-signed", 3)).isEqualTo(ProcessImageUpload.Outcome.IGNORED);
        assertThat(process.process("uploads/not-a-key", 3)).isEqualTo(ProcessImageUpload.Outcome.IGNORED);
        assertThat(process.process(forged, 3)).isEqualTo(ProcessImageUpload.Outcome.IGNORED);
        assertThat(objects).containsOnlyKeys(u.key());
        assertThat(uploads.get("u7").status()).isEqualTo(ImageUpload.Status.PENDING);
        assertThat(rendered).isZero();
    }

    @Test
    void pruningRemovesTheRenditionsOfPicturesTakenOff_andNothingOfTheDemosOwn() {
        String kept = ImageRules.imageKey("p1", "a");
        String gone = ImageRules.imageKey("p1", "b");
        List.of(kept, gone).forEach(k -> ImageRules.renditionsOf(k).forEach(r -> objects.put(r, new byte[1])));
        List<String> removed = new PruneImages(bucket).prune(List.of(kept, gone, "images/p1/main.svg"), List.of(kept));
        assertThat(removed).containsExactlyElementsOf(ImageRules.renditionsOf(gone));
        assertThat(objects).containsOnlyKeys(ImageRules.renditionsOf(kept));
    }
}
