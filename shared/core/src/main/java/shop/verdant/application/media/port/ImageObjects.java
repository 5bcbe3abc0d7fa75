package shop.verdant.application.media.port;

import java.util.Collection;
import java.util.Optional;

/** The images bucket's objects, as the image function reads and writes them. */
public interface ImageObjects {
    /** An object's bytes; empty when it is gone (settled and removed before, or never there). */
    Optional<byte[]> read(String key);

    /** Writes a rendition for CloudFront to serve (immutable: its key changes with its content). */
    void putRendition(String key, byte[] jpeg);

    /** Removes the objects; a missing one is no error. */
    void delete(Collection<String> keys);
}
