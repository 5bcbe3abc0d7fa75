package shop.verdant.contract;

/**
 * The shop's buckets and the parts of them. Product images: CloudFront serves {@link #PUBLISHED} to everyone; merchants'
 * uploads land under {@link #UPLOADS} (never served), where the image function takes them from.
 */
public final class Buckets {
    private Buckets() {
    }

    public static final BucketSpec IMAGES = new BucketSpec("ProductImages", "IMAGES_BUCKET");

    /** Where browsers upload (through a presigned POST whose policy names the exact key); expired after a day. */
    public static final String UPLOADS = "uploads/";

    /** What CloudFront serves at {@code /images/*}: the demo pictures and the renditions of merchants' uploads. */
    public static final String PUBLISHED = "images/";

    /** The part of {@link #PUBLISHED} the image function writes: {@code images/products/<product>/<image>/<width>.jpg}. */
    public static final String RENDITIONS = PUBLISHED + "products/";
}
