package shop.verdant.application.media.port;

import java.util.Optional;
import shop.verdant.domain.media.ImageUpload;

/** The image uploads from their signing to their outcome. */
public interface ImageUploadLog {
    void open(ImageUpload upload);

    Optional<ImageUpload> find(String uploadId);

    /** Records the outcome once: false when the upload was settled already (a repeated event) or was never opened. */
    boolean settle(ImageUpload settled);
}
