package shop.verdant.domain.catalog.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.CategoryTree;

/**
 * A built index as bytes, so that a fresh container loads it instead of building it: the items (in
 * {@link CatalogItemCodec}'s form), the vocabulary with its postings and weights, and the three sort orders;
 * the rest (bit sets per value, ranks) is derived from the items in one pass. The tokenizing and the sorting,
 * most of a build, are not done again. An image is only valid with the category tree and brands it was built
 * with: a change of either restarts the snapshot's change log, which is how a reader tells.
 */
public final class CatalogIndexImage {
    static final int FORMAT = 1;

    private CatalogIndexImage() {
    }

    public static byte[] write(CatalogIndex index) {
        CatalogIndex.Precomputed pre = index.precomputed();
        CatalogItem[] docs = index.docs();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(docs.length * 600 + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(index.version());
            out.writeInt(docs.length);
            for (CatalogItem item : docs) {
                byte[] encoded = CatalogItemCodec.encode(item);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
            out.writeInt(pre.vocabulary().length);
            for (int t = 0; t < pre.vocabulary().length; t++) {
                byte[] term = pre.vocabulary()[t].getBytes(StandardCharsets.UTF_8);
                out.writeShort(term.length);
                out.write(term);
                ints(out, pre.postings()[t]);
                out.writeInt(pre.weights()[t].length);
                for (float w : pre.weights()[t]) {
                    out.writeFloat(w);
                }
            }
            ints(out, pre.nameOrder());
            ints(out, pre.priceAscOrder());
            ints(out, pre.newestOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The index the image holds, over {@code tree} and {@code brands}; null for an image of another format. */
    public static CatalogIndex read(byte[] image, CategoryTree tree, List<Brand> brands) {
        ByteBuffer in = ByteBuffer.wrap(image);
        if (in.getInt() != FORMAT) {
            return null;
        }
        long version = in.getLong();
        int n = in.getInt();
        List<CatalogItem> items = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            int length = in.getInt();
            items.add(CatalogItemCodec.decode(image, in.position(), length));
            in.position(in.position() + length);
        }
        int terms = in.getInt();
        String[] vocabulary = new String[terms];
        int[][] postings = new int[terms][];
        float[][] weights = new float[terms][];
        for (int t = 0; t < terms; t++) {
            int length = in.getShort() & 0xffff;
            vocabulary[t] = new String(image, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            postings[t] = ints(in);
            float[] w = new float[in.getInt()];
            in.asFloatBuffer().get(w);
            in.position(in.position() + 4 * w.length);
            weights[t] = w;
        }
        int[] nameOrder = ints(in);
        int[] priceAscOrder = ints(in);
        int[] newestOrder = ints(in);
        Map<String, Brand> byId = new java.util.HashMap<>();
        brands.forEach(b -> byId.put(b.brandId(), b));
        return CatalogIndex.restore(version, items, tree, byId,
                new CatalogIndex.Precomputed(vocabulary, postings, weights, nameOrder, priceAscOrder, newestOrder));
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        in.asIntBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }
}
