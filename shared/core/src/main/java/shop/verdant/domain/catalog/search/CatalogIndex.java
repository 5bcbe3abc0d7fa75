package shop.verdant.domain.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.SearchResult.FacetValue;
import shop.verdant.domain.catalog.search.SearchResult.Facets;
import shop.verdant.domain.catalog.search.SearchResult.PriceBucket;

/**
 * An immutable in-memory search index over one catalog snapshot. Documents are numbered 0..n-1;
 * every filter value owns a bit set of the documents that carry it, text terms own sorted posting
 * lists with a field-weighted score, and each sort order is precomputed once, so a query is a few
 * bit-set intersections plus a walk of a presorted array. Safe to share between threads.
 */
public final class CatalogIndex {

    /** Price facet bucket lower bounds in minor units; the last bucket is open-ended. */
    static final long[] PRICE_BUCKETS = {0, 1_000, 2_500, 5_000, 10_000};

    private static final float W_NAME = 4f;
    private static final float W_BRAND = 3f;
    private static final float W_CATEGORY = 2f;
    private static final float W_COLOUR = 2f;
    private static final float W_ATTRIBUTE = 1f;
    private static final float W_DESCRIPTION = 1f;
    private static final float PREFIX_FACTOR = 0.6f;
    /** Attributes with more distinct values than this are filterable but get no facet (think "dimensions"). */
    static final int MAX_FACETED_ATTRIBUTE_VALUES = 50;

    private final long version;
    private final CatalogItem[] docs;
    private final Map<String, Integer> docById;
    private final CategoryTree tree;
    private final Map<String, Brand> brands;

    private final String[] vocabulary;
    private final int[][] postings;
    private final float[][] weights;

    private final Map<String, Bits> byCategory = new HashMap<>();
    private final Dimension byBrand;
    private final Dimension byColour;
    private final Map<String, Dimension> byAttribute = new TreeMap<>();
    private final Bits[] priceBucketBits;

    private final int[] priceAscOrder;
    private final int[] newestOrder;
    private final int[] nameOrder;
    private final int[] priceRank;
    private final int[] newestRank;
    private final int[] nameRank;

    private CatalogIndex(long version, List<CatalogItem> items, CategoryTree tree, List<Brand> brandList) {
        this.version = version;
        this.tree = tree;
        this.brands = new HashMap<>();
        for (Brand b : brandList) {
            brands.put(b.brandId(), b);
        }
        this.docs = items.toArray(new CatalogItem[0]);
        int n = docs.length;
        this.docById = new HashMap<>(n * 2);

        Map<String, PostingBuilder> terms = new HashMap<>();
        Map<String, Float> docTerms = new HashMap<>();
        this.byBrand = new Dimension(n);
        this.byColour = new Dimension(n);
        for (int d = 0; d < n; d++) {
            CatalogItem item = docs[d];
            docById.put(item.productId(), d);
            byBrand.add(d, item.brandId());
            byColour.add(d, item.colour());
            for (Map.Entry<String, String> a : item.attributes().entrySet()) {
                byAttribute.computeIfAbsent(a.getKey(), k -> new Dimension(n)).add(d, a.getValue());
            }
            for (Category c : tree.path(item.categoryId())) {
                bitsFor(byCategory, c.categoryId(), n).set(d);
            }

            docTerms.clear();
            addTerms(docTerms, item.name(), W_NAME);
            Brand brand = brands.get(item.brandId());
            addTerms(docTerms, brand == null ? item.brandId() : brand.name(), W_BRAND);
            for (Category c : tree.path(item.categoryId())) {
                addTerms(docTerms, c.name(), W_CATEGORY);
            }
            addTerms(docTerms, item.colour(), W_COLOUR);
            for (String value : item.attributes().values()) {
                addTerms(docTerms, value, W_ATTRIBUTE);
            }
            addTerms(docTerms, item.description(), W_DESCRIPTION);
            for (Map.Entry<String, Float> t : docTerms.entrySet()) {
                terms.computeIfAbsent(t.getKey(), k -> new PostingBuilder()).add(d, t.getValue());
            }
        }
        this.vocabulary = terms.keySet().toArray(new String[0]);
        Arrays.sort(vocabulary);
        this.postings = new int[vocabulary.length][];
        this.weights = new float[vocabulary.length][];
        for (int i = 0; i < vocabulary.length; i++) {
            PostingBuilder p = terms.get(vocabulary[i]);
            postings[i] = Arrays.copyOf(p.docs, p.size);
            weights[i] = Arrays.copyOf(p.weights, p.size);
        }

        this.priceBucketBits = new Bits[PRICE_BUCKETS.length];
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            priceBucketBits[b] = new Bits(n);
        }
        for (int d = 0; d < n; d++) {
            priceBucketBits[bucketOf(docs[d].priceMinor())].set(d);
        }

        this.nameOrder = nameOrder(docs);
        this.nameRank = ranks(nameOrder);
        long[] price = new long[n];
        long[] age = new long[n];
        for (int d = 0; d < n; d++) {
            price[d] = docs[d].priceMinor();
            age[d] = -docs[d].createdAtMillis();
        }
        this.priceAscOrder = orderThenByName(price, nameRank, nameOrder);
        this.newestOrder = orderThenByName(age, nameRank, nameOrder);
        this.priceRank = ranks(priceAscOrder);
        this.newestRank = ranks(newestOrder);
    }

    public static CatalogIndex build(long version, List<CatalogItem> items, List<Category> categories, List<Brand> brands) {
        return new CatalogIndex(version, items, CategoryTree.of(categories), brands);
    }

    public long version() {
        return version;
    }

    public int size() {
        return docs.length;
    }

    public CategoryTree categories() {
        return tree;
    }

    public boolean hasCategory(String categoryId) {
        return tree.contains(categoryId);
    }

    public CatalogItem get(String productId) {
        Integer d = docById.get(productId);
        return d == null ? null : docs[d];
    }

    public String brandName(String brandId) {
        Brand b = brands.get(brandId);
        return b == null ? brandId : b.name();
    }

    public SearchResult search(ProductQuery q) {
        int n = docs.length;
        boolean scored = q.sort() == SortOrder.RELEVANCE;
        float[] scores = scored ? new float[n] : null;
        Bits text = q.text() == null ? null : matchText(q.text(), scores);
        if (text == null) {
            scores = null;
        }
        Bits category = q.categoryId() == null ? null : byCategory.getOrDefault(q.categoryId(), new Bits(n));
        Bits brand = union(byBrand.bits, q.brands(), n);
        Bits colour = union(byColour.bits, q.colours(), n);
        Bits price = priceRange(q.minPrice(), q.maxPrice(), n);
        List<String> attributeNames = new ArrayList<>(q.attributes().keySet());
        Bits[] filters = new Bits[5 + attributeNames.size()];
        filters[0] = text;
        filters[1] = category;
        filters[2] = brand;
        filters[3] = colour;
        filters[4] = price;
        for (int a = 0; a < attributeNames.size(); a++) {
            String name = attributeNames.get(a);
            Dimension dimension = byAttribute.get(name);
            filters[5 + a] = union(dimension == null ? Map.of() : dimension.bits, q.attributes().get(name), n);
        }
        Bits hits = intersect(filters, -1, n);
        int total = hits.cardinality();

        Map<String, List<FacetValue>> attributeFacets = new TreeMap<>();
        for (Map.Entry<String, Dimension> e : byAttribute.entrySet()) {
            if (e.getValue().values.size() > MAX_FACETED_ATTRIBUTE_VALUES) {
                continue;
            }
            int own = attributeNames.indexOf(e.getKey());
            attributeFacets.put(e.getKey(), valueFacet(e.getValue(),
                    own < 0 ? hits : without(filters, 5 + own, hits, n),
                    q.attributes().getOrDefault(e.getKey(), Set.of()), v -> v));
        }
        Facets facets = new Facets(
                valueFacet(byBrand, without(filters, 2, hits, n), q.brands(), this::brandName),
                valueFacet(byColour, without(filters, 3, hits, n), q.colours(), CatalogIndex::colourLabel),
                categoryFacet(without(filters, 1, hits, n), q.categoryId()),
                priceFacet(without(filters, 4, hits, n)),
                attributeFacets);

        int offset = Math.min(q.offset(), total);
        int[] page = scores != null
                ? topByScore(hits, scores, offset, q.limit())
                : ordered(hits, total, q.sort(), offset, q.limit());
        List<CatalogItem> items = new ArrayList<>(page.length);
        for (int d : page) {
            items.add(docs[d]);
        }
        Integer next = offset + page.length < total ? offset + page.length : null;
        return new SearchResult(items, total, offset, next, facets, version);
    }

    /**
     * Products to show beside one: the same category first, then ever wider ancestor subtrees,
     * nearest in price first within each ring.
     */
    public List<CatalogItem> related(String productId, int limit) {
        Integer self = docById.get(productId);
        if (self == null) {
            return List.of();
        }
        long price = docs[self].priceMinor();
        List<CatalogItem> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        taken.add(self);
        List<Category> path = tree.path(docs[self].categoryId());
        for (int level = path.size() - 1; level >= 0 && out.size() < limit; level--) {
            Bits ring = byCategory.get(path.get(level).categoryId());
            if (ring == null) {
                continue;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int d = ring.nextSetBit(0); d >= 0; d = ring.nextSetBit(d + 1)) {
                if (!taken.contains(d)) {
                    candidates.add(d);
                }
            }
            candidates.sort(Comparator.comparingLong((Integer d) -> Math.abs(docs[d].priceMinor() - price))
                    .thenComparingInt(d -> nameRank[d]));
            for (int d : candidates) {
                if (out.size() == limit) {
                    break;
                }
                taken.add(d);
                out.add(docs[d]);
            }
        }
        return out;
    }

    private Bits matchText(String text, float[] scores) {
        List<String> terms = Tokenizer.tokens(text);
        if (terms.isEmpty()) {
            return null;
        }
        boolean lastIsPrefix = !Character.isWhitespace(text.charAt(text.length() - 1));
        Bits result = null;
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            boolean prefix = lastIsPrefix && t == terms.size() - 1;
            int from = lowerBound(term);
            int to = prefix ? lowerBound(term + Character.MAX_VALUE)
                    : (from < vocabulary.length && vocabulary[from].equals(term) ? from + 1 : from);
            Bits termBits = new Bits(docs.length);
            for (int v = from; v < to; v++) {
                float factor = vocabulary[v].equals(term) ? 1f : PREFIX_FACTOR;
                int[] p = postings[v];
                float[] w = weights[v];
                for (int i = 0; i < p.length; i++) {
                    termBits.set(p[i]);
                    if (scores != null) {
                        scores[p[i]] += w[i] * factor;
                    }
                }
            }
            result = result == null ? termBits : result.and(termBits);
        }
        return result;
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = vocabulary.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (vocabulary[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whole price buckets inside the range are OR-ed in as words; only the partial edges are walked. */
    private Bits priceRange(Long min, Long max, int n) {
        if (min == null && max == null) {
            return null;
        }
        long lo = min == null ? Long.MIN_VALUE : min;
        long hi = max == null ? Long.MAX_VALUE : max;
        Bits bits = new Bits(n);
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            long bucketLo = b == 0 ? Long.MIN_VALUE : PRICE_BUCKETS[b];
            long bucketHi = b + 1 < PRICE_BUCKETS.length ? PRICE_BUCKETS[b + 1] - 1 : Long.MAX_VALUE;
            if (bucketHi < lo || bucketLo > hi) {
                continue;
            }
            if (lo <= bucketLo && bucketHi <= hi) {
                bits.or(priceBucketBits[b]);
            } else {
                long from = Math.max(lo, bucketLo);
                long to = Math.min(hi, bucketHi);
                for (int i = firstPriceAtLeast(from); i < priceAscOrder.length && docs[priceAscOrder[i]].priceMinor() <= to; i++) {
                    bits.set(priceAscOrder[i]);
                }
            }
        }
        return bits;
    }

    private int firstPriceAtLeast(long price) {
        int lo = 0;
        int hi = priceAscOrder.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (docs[priceAscOrder[mid]].priceMinor() < price) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Bits union(Map<String, Bits> index, Set<String> values, int n) {
        if (values.isEmpty()) {
            return null;
        }
        Bits bits = new Bits(n);
        for (String v : values) {
            Bits b = index.get(v);
            if (b != null) {
                bits.or(b);
            }
        }
        return bits;
    }

    /** The AND of all filters but the one at {@code skip}; absent filters mean "everything". */
    private static Bits intersect(Bits[] filters, int skip, int n) {
        Bits out = null;
        for (int i = 0; i < filters.length; i++) {
            if (i != skip && filters[i] != null) {
                out = out == null ? filters[i].copy() : out.and(filters[i]);
            }
        }
        return out == null ? Bits.all(n) : out;
    }

    /** The documents a facet counts over: every filter but its own, which are just the hits when it has none. */
    private static Bits without(Bits[] filters, int own, Bits hits, int n) {
        return filters[own] == null ? hits : intersect(filters, own, n);
    }

    /**
     * Counts per value over {@code base}, whichever way is cheaper: one AND-count per value (each a pass
     * over all words), or one pass over the documents in {@code base} reading each one's value ordinal.
     */
    private static List<FacetValue> valueFacet(Dimension dimension, Bits base, Set<String> selected,
                                               java.util.function.Function<String, String> label) {
        List<String> values = dimension.values;
        int[] counts = new int[values.size()];
        int baseSize = base.cardinality();
        if ((long) baseSize * 4 < (long) values.size() * base.words.length) {
            int[] ordinals = dimension.ordinalOf;
            for (int d = base.nextSetBit(0); d >= 0; d = base.nextSetBit(d + 1)) {
                if (ordinals[d] >= 0) {
                    counts[ordinals[d]]++;
                }
            }
        } else {
            for (int v = 0; v < counts.length; v++) {
                counts[v] = base.andCount(dimension.bits.get(values.get(v)));
            }
        }
        List<FacetValue> out = new ArrayList<>();
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0 || selected.contains(values.get(v))) {
                out.add(new FacetValue(values.get(v), label.apply(values.get(v)), counts[v]));
            }
        }
        out.sort(Comparator.comparingInt(FacetValue::count).reversed().thenComparing(FacetValue::label));
        return out;
    }

    /** Counts for the children of the chosen category (or the top level), each over its whole subtree. */
    private List<FacetValue> categoryFacet(Bits base, String selected) {
        List<String> ids = selected == null
                ? tree.roots().stream().map(CategoryTree.Node::categoryId).toList()
                : tree.childIds(selected);
        List<FacetValue> out = new ArrayList<>();
        for (String id : ids) {
            Bits b = byCategory.get(id);
            int count = b == null ? 0 : base.andCount(b);
            if (count > 0) {
                out.add(new FacetValue(id, tree.get(id).name(), count));
            }
        }
        return out;
    }

    private List<PriceBucket> priceFacet(Bits base) {
        List<PriceBucket> out = new ArrayList<>();
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            Long to = b + 1 < PRICE_BUCKETS.length ? PRICE_BUCKETS[b + 1] - 1 : null;
            out.add(new PriceBucket(PRICE_BUCKETS[b], to, base.andCount(priceBucketBits[b])));
        }
        return out;
    }

    private static int bucketOf(long price) {
        int b = 0;
        while (b + 1 < PRICE_BUCKETS.length && price >= PRICE_BUCKETS[b + 1]) {
            b++;
        }
        return b;
    }

    private int[] ordered(Bits hits, int total, SortOrder sort, int offset, int limit) {
        int want = Math.max(0, Math.min(limit, total - offset));
        int[] page = new int[want];
        if (want == 0) {
            return page;
        }
        boolean descending = sort == SortOrder.PRICE_DESC;
        int[] order = switch (sort) {
            case PRICE_ASC, PRICE_DESC -> priceAscOrder;
            case NAME -> nameOrder;
            default -> newestOrder;
        };
        int[] rank = order == priceAscOrder ? priceRank : order == nameOrder ? nameRank : newestRank;
        if ((long) total * 16 < docs.length) {
            // Few hits: sort just them by their precomputed rank rather than walk the whole order.
            long[] keys = new long[total];
            int k = 0;
            for (int d = hits.nextSetBit(0); d >= 0; d = hits.nextSetBit(d + 1)) {
                keys[k++] = descending ? -rank[d] - 1L : rank[d];
            }
            Arrays.sort(keys);
            for (int i = 0; i < want; i++) {
                long r = keys[offset + i];
                page[i] = order[(int) (descending ? -(r + 1) : r)];
            }
            return page;
        }
        int seen = 0;
        int filled = 0;
        for (int i = 0; i < order.length && filled < want; i++) {
            int d = order[descending ? order.length - 1 - i : i];
            if (hits.get(d) && seen++ >= offset) {
                page[filled++] = d;
            }
        }
        return page;
    }

    /** Highest score first, ties newest first: a bounded heap keeps only the offset+limit best. */
    private int[] topByScore(Bits hits, float[] scores, int offset, int limit) {
        int k = offset + limit;
        long[] heap = new long[Math.max(1, k)];
        int size = 0;
        for (int d = hits.nextSetBit(0); d >= 0; d = hits.nextSetBit(d + 1)) {
            // Larger key = worse: inverted score in the high half, newest-rank in the low half.
            long key = ((long) (Integer.MAX_VALUE - Math.round(scores[d] * 1000)) << 32) | newestRank[d];
            if (size < k) {
                heap[size] = key;
                siftUp(heap, size++);
            } else if (k > 0 && key < heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        long[] best = Arrays.copyOf(heap, size);
        Arrays.sort(best);
        int want = Math.max(0, Math.min(limit, size - offset));
        int[] page = new int[want];
        for (int i = 0; i < want; i++) {
            page[i] = newestOrder[(int) (best[offset + i] & 0xffffffffL)];
        }
        return page;
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= heap[i]) {
                return;
            }
            long t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int largest = i;
            if (l < size && heap[l] > heap[largest]) {
                largest = l;
            }
            if (r < size && heap[r] > heap[largest]) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            long t = heap[largest];
            heap[largest] = heap[i];
            heap[i] = t;
            i = largest;
        }
    }

    /**
     * Documents by name, case-insensitively (as {@link String#CASE_INSENSITIVE_ORDER}, for the BMP), ties by
     * product id. Names are folded once, so each comparison is a plain string comparison.
     */
    static int[] nameOrder(CatalogItem[] docs) {
        record Key(String folded, String id, int doc) {
        }
        Key[] keys = new Key[docs.length];
        for (int d = 0; d < docs.length; d++) {
            keys[d] = new Key(fold(docs[d].name()), docs[d].productId(), d);
        }
        Arrays.sort(keys, (a, b) -> {
            int c = a.folded.compareTo(b.folded);
            return c != 0 ? c : a.id.compareTo(b.id);
        });
        int[] out = new int[keys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = keys[i].doc;
        }
        return out;
    }

    /** The character-wise folding {@link String#CASE_INSENSITIVE_ORDER} compares by. */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /**
     * Documents by {@code key} ascending, ties in name order. Each document is one long, the key's offset
     * from the smallest key above the name rank's bits, so a primitive sort does it; when the keys span more
     * than those bits allow, the comparator sort does.
     */
    static int[] orderThenByName(long[] key, int[] nameRank, int[] nameOrder) {
        int n = key.length;
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : key) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        int[] out = new int[n];
        boolean fits = n == 0 || (max - min >= 0 && max - min < (1L << (62 - bits)));
        if (fits) {
            long[] packed = new long[n];
            for (int d = 0; d < n; d++) {
                packed[d] = ((key[d] - min) << bits) | nameRank[d];
            }
            Arrays.sort(packed);
            long mask = (1L << bits) - 1;
            for (int i = 0; i < n; i++) {
                out[i] = nameOrder[(int) (packed[i] & mask)];
            }
            return out;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingLong((Integer d) -> key[d]).thenComparingInt(d -> nameRank[d]));
        for (int i = 0; i < n; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static int[] ranks(int[] order) {
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    private static Bits bitsFor(Map<String, Bits> index, String value, int n) {
        return index.computeIfAbsent(value == null ? "" : value, k -> new Bits(n));
    }

    /**
     * One single-valued facet dimension (brand, colour, an attribute): a bit set per value for filtering,
     * and each document's value ordinal (-1 for none) for counting over few documents.
     */
    private static final class Dimension {
        final Map<String, Bits> bits = new HashMap<>();
        final List<String> values = new ArrayList<>();
        final int[] ordinalOf;
        private final Map<String, Integer> ordinals = new HashMap<>();
        private final int n;

        Dimension(int n) {
            this.n = n;
            this.ordinalOf = new int[n];
            java.util.Arrays.fill(ordinalOf, -1);
        }

        void add(int doc, String value) {
            String v = value == null ? "" : value;
            Integer ord = ordinals.get(v);
            if (ord == null) {
                ord = values.size();
                ordinals.put(v, ord);
                values.add(v);
                bits.put(v, new Bits(n));
            }
            bits.get(v).set(doc);
            ordinalOf[doc] = ord;
        }
    }

    /** A field counts once per document however often its text repeats a term. */
    private static void addTerms(Map<String, Float> docTerms, String text, float weight) {
        for (String token : new HashSet<>(Tokenizer.tokens(text))) {
            docTerms.merge(token, weight, Float::sum);
        }
    }

    static String colourLabel(String colour) {
        if (colour == null || colour.isEmpty()) {
            return "";
        }
        return colour.substring(0, 1).toUpperCase(Locale.ROOT) + colour.substring(1);
    }

    private static final class PostingBuilder {
        int[] docs = new int[4];
        float[] weights = new float[4];
        int size;

        void add(int doc, float weight) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            docs[size] = doc;
            weights[size++] = weight;
        }
    }
}
