package shop.verdant.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Pictures for tests, made in code: a JPEG carrying EXIF as a phone writes it (a description, an orientation, a GPS
 * position), PNGs with and without transparency, and a PNG whose header claims more pixels than it has.
 */
public final class TestPictures {
    private TestPictures() {
    }

    /** What the EXIF description of {@link #jpegWithExif} says, to look for in what the shop serves. */
    public static final String SECRET = "VERDANT-EXIF-SECRET";

    /**
     * A {@code width} x {@code height} JPEG (its top-left quarter red, the rest blue) with an EXIF block: the
     * description {@link #SECRET}, {@code orientation} (1 upright, 6 turned a quarter clockwise to show) and a GPS
     * latitude of 52 22' 12.34" N.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = encode(quarters(width, height, false), "jpg");
        byte[] app1 = app1(orientation);
        byte[] out = new byte[plain.length + app1.length];
        // right after the start-of-image marker, where cameras put it
        System.arraycopy(plain, 0, out, 0, 2);
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(plain, 2, out, 2 + app1.length, plain.length - 2);
        return out;
    }

    /** A PNG, its top-left quarter red and the rest blue, or with {@code transparent} the rest see-through. */
    public static byte[] png(int width, int height, boolean transparent) {
        return encode(quarters(width, height, transparent), "png");
    }

    /** A 1 x 1 PNG whose header says it is {@code width} x {@code height}: a decompression bomb's first bytes. */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        // signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type and data (17 bytes)
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** Whether {@code bytes} contain {@code text} (as ASCII). */
    public static boolean contains(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= bytes.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (bytes[i + j] != t[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static BufferedImage quarters(int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        if (!transparent) {
            g.setColor(Color.BLUE);
            g.fillRect(0, 0, width, height);
        }
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An APP1 segment: "Exif", then a little-endian TIFF block with IFD0 (description, orientation, GPS) and a GPS IFD. */
    private static byte[] app1(int orientation) {
        byte[] description = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
        int text = gpsIfd + 2 + 2 * 12 + 4;
        int latitude = text + description.length + (description.length % 2);
        int size = latitude + 24;
        ByteBuffer t = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 3);
        entry(t, 0x010E, 2, description.length, text);      // ImageDescription, ASCII
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(t, 0x8825, 4, 1, gpsIfd);                      // GPSInfo, LONG
        t.putInt(0);
        t.putShort((short) 2);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(t, 0x0002, 5, 3, latitude);                    // GPSLatitude, three RATIONALs
        t.putInt(0);
        t.position(text);
        t.put(description);
        t.position(latitude);
        t.putInt(52).putInt(1).putInt(22).putInt(1).putInt(1234).putInt(100);
        byte[] tiff = t.array();
        ByteBuffer seg = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        seg.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).put(tiff);
        return seg.array();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int offset) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }
}
