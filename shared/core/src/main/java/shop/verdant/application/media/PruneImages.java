package shop.verdant.application.media;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.domain.media.ImageRules;

/** Removes the renditions of pictures a product no longer has (taken off, or the product deleted). */
public final class PruneImages {
    private final ImageObjects objects;

    public PruneImages(ImageObjects objects) {
        this.objects = objects;
    }

    /** {@code after} is empty for a deleted product; answers the keys removed. */
    public List<String> prune(List<String> before, List<String> after) {
        List<String> gone = new ArrayList<>();
        for (String key : before) {
            if (!after.contains(key)) {
                gone.addAll(ImageRules.renditionsOf(key));
            }
        }
        if (!gone.isEmpty()) {
            objects.delete(gone);
        }
        return gone;
    }
}
