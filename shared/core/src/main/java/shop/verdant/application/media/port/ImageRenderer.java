package shop.verdant.application.media.port;

import java.util.Map;

/** Turns an upload's bytes into renditions: decoded, checked, scaled and encoded afresh (so no metadata survives). */
public interface ImageRenderer {

    /** JPEG bytes by width, one per requested width (never wider than the picture). */
    record Renditions(String format, int width, int height, Map<Integer, byte[]> byWidth) {
    }

    /** Why the bytes are no picture the shop takes; the message is for the merchant. */
    final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    Renditions render(byte[] bytes, java.util.List<Integer> widths) throws Refused;
}
