package shop.verdant.domain.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.verdant.domain.common.ValidationException;

/**
 * What a product image may be, and where its objects live. An upload is a JPEG, PNG or WebP of at most
 * {@link #MAX_BYTES}, at {@code uploads/<merchant>/<product>/<upload>}; what the shop serves are renditions
 * {@link #WIDTHS} wide, re-encoded as JPEG (so nothing of the upload's metadata survives), at
 * {@code images/products/<product>/<upload>/<width>.jpg}. A product keeps the key of its {@link #MAIN_WIDTH} rendition.
 */
public final class ImageRules {
    private ImageRules() {
    }

    /** The types a browser may declare (the upload's policy names the one declared); the bytes are checked apart. */
    public static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    /** The formats the bytes may really be, as the image readers name them. */
    public static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Pictures larger than this many pixels are refused before they are decoded (a small file can unpack to gigabytes). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** Edges shorter than this make a picture too small to show. */
    public static final int MIN_EDGE = 200;

    public static final int MAX_IMAGES_PER_PRODUCT = 8;

    /** The renditions' widths, smallest first: grid tiles, the product page, zoom on large screens. */
    public static final List<Integer> WIDTHS = List.of(320, 800, 1600);

    public static final int MAIN_WIDTH = 800;

    /** How long a signed upload may start after it was signed. */
    public static final java.time.Duration UPLOAD_WINDOW = java.time.Duration.ofMinutes(10);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern UPLOAD_KEY = Pattern.compile("uploads/(" + ID + ")/(" + ID + ")/(" + ID + ")");
    private static final Pattern RENDITION = Pattern.compile("images/products/(" + ID + ")/(" + ID + ")/(\\d+)\\.jpg");

    /** The declared type, lower-cased, if it is one the shop takes; a 400 naming the field otherwise. */
    public static String contentType(String declared) {
        String type = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            throw ValidationException.of("contentType", "A JPEG, PNG or WebP picture (image/jpeg, image/png or image/webp).");
        }
        return type;
    }

    public static String uploadKey(String merchantId, String productId, String uploadId) {
        return "uploads/" + id(merchantId) + "/" + id(productId) + "/" + id(uploadId);
    }

    /** The merchant, product and upload an upload key names; empty for any other key. */
    public record UploadKey(String merchantId, String productId, String uploadId) {
    }

    public static Optional<UploadKey> parseUploadKey(String key) {
        Matcher m = key == null ? null : UPLOAD_KEY.matcher(key);
        return m != null && m.matches() ? Optional.of(new UploadKey(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public static String renditionKey(String productId, String imageId, int width) {
        return "images/products/" + id(productId) + "/" + id(imageId) + "/" + width + ".jpg";
    }

    /** The key a product keeps for an image: its main rendition. */
    public static String imageKey(String productId, String imageId) {
        return renditionKey(productId, imageId, MAIN_WIDTH);
    }

    /** Every rendition of the image whose main key this is; empty for keys that are not renditions (the demo's pictures). */
    public static List<String> renditionsOf(String imageKey) {
        Matcher m = imageKey == null ? null : RENDITION.matcher(imageKey);
        if (m == null || !m.matches()) {
            return List.of();
        }
        return WIDTHS.stream().map(w -> renditionKey(m.group(1), m.group(2), w)).toList();
    }

    private static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an id for an object key: " + id);
        }
        return id;
    }
}
