package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Product pictures after the merchant's upload: the bucket's event runs the image function, which checks the bytes,
 * writes renditions and attaches them; the Products stream removes the renditions of pictures a product dropped. Apart
 * from the back office so that the image libraries ride in this jar only.
 */
public final class MediaContract {
    private MediaContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("media", "functions/media",
            "product pictures: renditions of merchants' uploads, and removal of those a product dropped", Set.of());

    public static final List<Trigger> TRIGGERS = List.of(
            new BucketEvent(GROUP.handler("ProcessImageUploadHandler",
                    Map.of(Tables.IMAGE_UPLOADS, WRITE, Tables.PRODUCTS, STOCK),
                    "Checks an uploaded picture's bytes, writes its renditions without metadata and attaches it to the product",
                    Set.of(Need.IMAGE_RENDITIONS)), Buckets.IMAGES, Buckets.UPLOADS),
            new TableStream(GROUP.handler("PruneImagesHandler", Map.of(),
                    "Removes the renditions of pictures a product no longer has", Set.of(Need.IMAGE_PRUNE)), Tables.PRODUCTS));
}
