package shop.verdant.domain.catalog.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact binary form of a {@link CatalogItem} in the snapshot: a format byte, then each field in
 * declaration order (strings as length + UTF-8, null as length -1; attributes as a count and pairs; numbers
 * and the flag as themselves). A container reads thousands of these at start without a JSON parser or its
 * reflection; the format byte lets a later form be told apart from this one.
 */
public final class CatalogItemCodec {
    static final byte FORMAT = 1;

    private CatalogItemCodec() {
    }

    public static byte[] encode(CatalogItem item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            string(out, item.productId());
            string(out, item.name());
            string(out, item.description());
            string(out, item.brandId());
            string(out, item.colour());
            string(out, item.categoryId());
            out.writeInt(item.attributes().size());
            for (Map.Entry<String, String> a : item.attributes().entrySet()) {
                string(out, a.getKey());
                string(out, a.getValue());
            }
            out.writeLong(item.priceMinor());
            string(out, item.currency());
            string(out, item.image());
            out.writeLong(item.createdAtMillis());
            out.writeBoolean(item.inStock());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes that are not an item of this format */
    public static CatalogItem decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The item in {@code length} bytes of {@code bytes} from {@code offset}. */
    public static CatalogItem decode(byte[] bytes, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown catalog item format " + format);
            }
            String productId = string(in);
            String name = string(in);
            String description = string(in);
            String brandId = string(in);
            String colour = string(in);
            String categoryId = string(in);
            int count = in.readInt();
            if (count < 0 || count > 1000) {
                throw new IllegalArgumentException("bad attribute count " + count);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                attributes.put(string(in), string(in));
            }
            long price = in.readLong();
            String currency = string(in);
            String image = string(in);
            long createdAt = in.readLong();
            boolean inStock = in.readBoolean();
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after a catalog item");
            }
            return new CatalogItem(productId, name, description, brandId, colour, categoryId, attributes, price,
                    currency, image, createdAt, inStock);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a catalog item: " + e.getMessage(), e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
