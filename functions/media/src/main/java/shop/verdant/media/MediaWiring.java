package shop.verdant.media;

import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbBackOffice;
import shop.verdant.adapter.imaging.PictureRenderer;
import shop.verdant.adapter.s3.S3ImageObjects;
import shop.verdant.application.media.ProcessImageUpload;
import shop.verdant.application.media.PruneImages;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.contract.Buckets;

/** The image functions' object graph, built on first use: the images bucket, ImageUploads and Products. */
public final class MediaWiring {
    private MediaWiring() {
    }

    public record Services(ProcessImageUpload uploads, PruneImages prune) {
    }

    public static Services create(ImageObjects objects, DynamoDbBackOffice tables, Clock clock) {
        return new Services(new ProcessImageUpload(tables.imageUploads(), objects, new PictureRenderer(), tables.productImages(), clock),
                new PruneImages(objects));
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() -> create(S3ImageObjects.fromEnvironment(Buckets.IMAGES.envVar()),
            new DynamoDbBackOffice(Lazy.memoize(DynamoDb::client)), Clock.systemUTC()));

    static {
        // Before the SnapStart snapshot: the image readers and writers found and loaded, by rendering a small picture.
        Priming.register(() -> {
            try {
                new PictureRenderer().render(PictureRenderer.sample(), java.util.List.of(320));
            } catch (shop.verdant.application.media.port.ImageRenderer.Refused e) {
                throw new IllegalStateException(e);
            }
        }, () -> { });
    }
}
