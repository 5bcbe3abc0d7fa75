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
public final class CatalogIndex implements CatalogView {

    /** Price facet bucket lower bounds in minor units; the last bucket is open-ended. */
    public static final long[] PRICE_BUCKETS = {0, 1_000, 2_500, 5_000, 10_000};

    static final float W_NAME = 4f;
    static final float W_BRAND = 3f;
    static final float W_CATEGORY = 2f;
    static final float W_COLOUR = 2f;
    static final float W_ATTRIBUTE = 1f;
    static final float W_DESCRIPTION = 1f;
    /** A prefix match counts half: a power of two, so every score is exact in binary and two engines rank alike. */
    public static final float PREFIX_FACTOR = 0.5f;
    /** Attributes with more distinct values than this are filterable but get no facet (think "dimensions"). */
    public static final int MAX_FACETED_ATTRIBUTE_VALUES = 50;

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
    /** Attributes with few enough distinct values to get a facet. */
    private final Set<String> facetedAttributes = new HashSet<>();

    private final int[] priceAscOrder;
    private final int[] newestOrder;
    private final int[] nameOrder;
    private final int[] priceRank;
    private final int[] newestRank;
    private final int[] nameRank;

    /** What an index image carries besides the items: the costly parts of a build (text and the sort orders). */
    record Precomputed(String[] vocabulary, int[][] postings, float[][] weights, int[] nameOrder, int[] priceAscOrder,
                       int[] newestOrder) {
    }

    private CatalogIndex(long version, List<CatalogItem> items, CategoryTree tree, Map<String, Brand> brands) {
        this(version, items, tree, brands, null);
    }

    /** With {@code pre} (from an image of an index over the same items, tree and brands) nothing is tokenized or sorted. */
    private CatalogIndex(long version, List<CatalogItem> items, CategoryTree tree, Map<String, Brand> brands, Precomputed pre) {
        this.version = version;
        this.tree = tree;
        this.brands = brands;
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

            if (pre == null) {
                termWeights(item, tree, this::brandName, docTerms);
                for (Map.Entry<String, Float> t : docTerms.entrySet()) {
                    terms.computeIfAbsent(t.getKey(), k -> new PostingBuilder()).add(d, t.getValue());
                }
            }
        }
        if (pre != null) {
            this.vocabulary = pre.vocabulary();
            this.postings = pre.postings();
            this.weights = pre.weights();
        } else {
            this.vocabulary = terms.keySet().toArray(new String[0]);
            Arrays.sort(vocabulary);
            this.postings = new int[vocabulary.length][];
            this.weights = new float[vocabulary.length][];
            for (int i = 0; i < vocabulary.length; i++) {
                PostingBuilder p = terms.get(vocabulary[i]);
                postings[i] = Arrays.copyOf(p.docs, p.size);
                weights[i] = Arrays.copyOf(p.weights, p.size);
            }
        }

        byAttribute.forEach((name, dimension) -> {
            if (dimension.values.size() <= MAX_FACETED_ATTRIBUTE_VALUES) {
                facetedAttributes.add(name);
            }
        });
        this.priceBucketBits = new Bits[PRICE_BUCKETS.length];
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            priceBucketBits[b] = new Bits(n);
        }
        for (int d = 0; d < n; d++) {
            priceBucketBits[bucketOf(docs[d].priceMinor())].set(d);
        }

        this.nameOrder = pre != null ? pre.nameOrder() : nameOrder(docs);
        this.nameRank = ranks(nameOrder);
        if (pre != null) {
            this.priceAscOrder = pre.priceAscOrder();
            this.newestOrder = pre.newestOrder();
        } else {
            long[] price = new long[n];
            long[] age = new long[n];
            for (int d = 0; d < n; d++) {
                price[d] = docs[d].priceMinor();
                age[d] = -docs[d].createdAtMillis();
            }
            this.priceAscOrder = orderThenByName(price, nameRank, nameOrder);
            this.newestOrder = orderThenByName(age, nameRank, nameOrder);
        }
        this.priceRank = ranks(priceAscOrder);
        this.newestRank = ranks(newestOrder);
    }

    public static CatalogIndex build(long version, List<CatalogItem> items, List<Category> categories, List<Brand> brands) {
        Map<String, Brand> byId = new HashMap<>();
        for (Brand b : brands) {
            byId.put(b.brandId(), b);
        }
        return new CatalogIndex(version, items, CategoryTree.of(categories), byId);
    }

    /** The index an image describes, over {@code tree} and {@code brands} (those it was built with). */
    static CatalogIndex restore(long version, List<CatalogItem> items, CategoryTree tree, Map<String, Brand> brands,
                                Precomputed pre) {
        return new CatalogIndex(version, items, tree, brands, pre);
    }

    Precomputed precomputed() {
        return new Precomputed(vocabulary, postings, weights, nameOrder, priceAscOrder, newestOrder);
    }

    CatalogItem[] docs() {
        return docs;
    }

    /** Another index over the same category tree and brands as this one (an overlay, a compacted base). */
    CatalogIndex sibling(long version, List<CatalogItem> items) {
        return new CatalogIndex(version, items, tree, brands);
    }

    /** The document number of a product in this index, or -1. */
    int docOf(String productId) {
        Integer d = docById.get(productId);
        return d == null ? -1 : d;
    }

    CatalogItem doc(int d) {
        return docs[d];
    }

    /** A facet dimension by key: {@code brand}, {@code colour} or {@code attr:NAME}; null when no document has it. */
    Dimension dimension(String key) {
        return switch (key) {
            case "brand" -> byBrand;
            case "colour" -> byColour;
            default -> key.startsWith("attr:") ? byAttribute.get(key.substring(5)) : null;
        };
    }

    /** The facet dimensions by key, as {@link #dimension} names them. */
    Map<String, Dimension> dimensions() {
        Map<String, Dimension> out = new HashMap<>();
        out.put("brand", byBrand);
        out.put("colour", byColour);
        byAttribute.forEach((name, d) -> out.put("attr:" + name, d));
        return out;
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


    public CatalogItem get(String productId) {
        Integer d = docById.get(productId);
        return d == null ? null : docs[d];
    }

    public String brandName(String brandId) {
        Brand b = brands.get(brandId);
        return b == null ? brandId : b.name();
    }

    public SearchResult search(ProductQuery q) {
        Set<String> faceted = facetedAttributes;
        Partial partial = partial(q, null, faceted);
        return merge(q, List.of(partial), version, tree, this::brandName,
                (dimension, value) -> {
                    Dimension d = dimension(dimension);
                    return d != null && d.ordinals.containsKey(value);
                }, faceted);
    }

    public List<CatalogItem> related(String productId, int limit) {
        CatalogItem self = get(productId);
        return self == null ? List.of() : related(self, limit, tree, List.of(this), java.util.Collections.singletonList(null));
    }

    /**
     * What one segment contributes to a search over several: how many of its documents match, its best
     * {@code offset + limit} hits in the query's order (with their score keys when ranked by relevance), and its
     * facet counts per value. Documents outside {@code live} (when given) are left out of all of it.
     */
    record Partial(CatalogIndex segment, int total, int[] top, int[] scoreKeys,
                   Map<String, Integer> brand, Map<String, Integer> colour, Map<String, Integer> category,
                   int[] price, Map<String, Map<String, Integer>> attributes) {
    }

    Partial partial(ProductQuery q, Bits live, Set<String> facetedAttributes) {
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
        Bits[] filters = new Bits[6 + attributeNames.size()];
        filters[0] = text;
        filters[1] = category;
        filters[2] = brand;
        filters[3] = colour;
        filters[4] = price;
        filters[5] = live;
        for (int a = 0; a < attributeNames.size(); a++) {
            String name = attributeNames.get(a);
            Dimension dimension = byAttribute.get(name);
            filters[6 + a] = union(dimension == null ? Map.of() : dimension.bits, q.attributes().get(name), n);
        }
        Bits hits = intersect(filters, -1, n);
        int total = hits.cardinality();

        Map<String, Map<String, Integer>> attributeCounts = new HashMap<>();
        for (Map.Entry<String, Dimension> e : byAttribute.entrySet()) {
            if (facetedAttributes.contains(e.getKey())) {
                int own = attributeNames.indexOf(e.getKey());
                attributeCounts.put(e.getKey(), valueCounts(e.getValue(), own < 0 ? hits : without(filters, 6 + own, hits, n)));
            }
        }
        Map<String, Integer> categoryCounts = new HashMap<>();
        Bits categoryBase = without(filters, 1, hits, n);
        for (String id : tree.facetIds(q.categoryId())) {
            Bits b = byCategory.get(id);
            if (b != null) {
                categoryCounts.put(id, categoryBase.andCount(b));
            }
        }
        Bits priceBase = without(filters, 4, hits, n);
        int[] priceCounts = new int[PRICE_BUCKETS.length];
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            priceCounts[b] = priceBase.andCount(priceBucketBits[b]);
        }

        int want = (int) Math.min(Integer.MAX_VALUE, (long) q.offset() + q.limit());
        int[] top;
        int[] scoreKeys = null;
        if (scores != null) {
            top = topByScore(hits, scores, 0, want);
            scoreKeys = new int[top.length];
            for (int i = 0; i < top.length; i++) {
                scoreKeys[i] = scoreKey(scores[top[i]]);
            }
        } else {
            top = ordered(hits, total, q.sort(), 0, want);
        }
        return new Partial(this, total, top, scoreKeys,
                valueCounts(byBrand, without(filters, 2, hits, n)),
                valueCounts(byColour, without(filters, 3, hits, n)),
                categoryCounts, priceCounts, attributeCounts);
    }

    /** Smaller is better: the score to three decimals, inverted, as relevance ranks and breaks ties. */
    private static int scoreKey(float score) {
        return Integer.MAX_VALUE - Math.round(score * 1000);
    }

    /**
     * One result page from the partial results of disjoint segments: totals and facet counts add up, and the
     * pages merge in the query's order, which every segment uses alike (ties by name, then id), so the answer is
     * the one a single index over all the documents gives. {@code live} says whether a facet value is carried by
     * any document at all (a selected value with no hits still shows, with 0, as long as it exists).
     */
    static SearchResult merge(ProductQuery q, List<Partial> parts, long version, CategoryTree tree,
                              java.util.function.Function<String, String> brandName,
                              java.util.function.BiPredicate<String, String> live, Set<String> facetedAttributes) {
        int total = 0;
        for (Partial p : parts) {
            total += p.total();
        }
        int offset = Math.min(q.offset(), total);
        List<CatalogItem> items = new ArrayList<>();
        if (parts.size() == 1) {
            Partial p = parts.get(0);
            for (int i = offset; i < p.top().length && items.size() < q.limit(); i++) {
                items.add(p.segment().docs[p.top()[i]]);
            }
        } else {
            record Hit(CatalogItem item, int scoreKey, String folded) {
            }
            List<Hit> hits = new ArrayList<>();
            for (Partial p : parts) {
                for (int i = 0; i < p.top().length; i++) {
                    CatalogItem item = p.segment().docs[p.top()[i]];
                    hits.add(new Hit(item, p.scoreKeys() == null ? 0 : p.scoreKeys()[i], fold(item.name())));
                }
            }
            Comparator<Hit> byName = Comparator.comparing(Hit::folded).thenComparing(h -> h.item().productId());
            Comparator<Hit> newest = Comparator.comparingLong((Hit h) -> -h.item().createdAtMillis()).thenComparing(byName);
            Comparator<Hit> order = switch (q.sort()) {
                case PRICE_ASC -> Comparator.comparingLong((Hit h) -> h.item().priceMinor()).thenComparing(byName);
                case PRICE_DESC -> Comparator.comparingLong((Hit h) -> h.item().priceMinor()).thenComparing(byName).reversed();
                case NAME -> byName;
                case NEWEST -> newest;
                case RELEVANCE -> parts.get(0).scoreKeys() == null ? newest
                        : Comparator.comparingInt(Hit::scoreKey).thenComparing(newest);
            };
            hits.sort(order);
            for (int i = offset; i < hits.size() && items.size() < q.limit(); i++) {
                items.add(hits.get(i).item());
            }
        }

        Map<String, Map<String, Integer>> attributes = new HashMap<>();
        for (String name : facetedAttributes) {
            attributes.put(name, sum(parts, p -> p.attributes().getOrDefault(name, Map.of())));
        }
        int[] price = new int[PRICE_BUCKETS.length];
        for (Partial p : parts) {
            for (int b = 0; b < price.length; b++) {
                price[b] += p.price()[b];
            }
        }
        Facets facets = facets(q, tree, brandName::apply, sum(parts, Partial::brand), sum(parts, Partial::colour),
                sum(parts, Partial::category), price, attributes, live);
        Integer next = offset + items.size() < total ? offset + items.size() : null;
        return new SearchResult(items, total, offset, next, facets, version);
    }

    /**
     * The facets of a result from counts per value (each counted with every filter but its own): values with
     * hits, most first, then by label and value, plus selected values that exist (with 0); the chosen category's
     * children (or the top level) with hits, in tree order; every price bucket; one list per attribute in
     * {@code attributes}. {@code live} says whether any document carries a value of a dimension ("brand",
     * "colour", "attr:NAME").
     */
    public static Facets facets(ProductQuery q, CategoryTree tree, BrandNames brandNames, Map<String, Integer> brand,
                                Map<String, Integer> colour, Map<String, Integer> category, int[] price,
                                Map<String, Map<String, Integer>> attributes,
                                java.util.function.BiPredicate<String, String> live) {
        Map<String, List<FacetValue>> attributeFacets = new TreeMap<>();
        attributes.forEach((name, counts) -> attributeFacets.put(name, valueFacet(counts,
                q.attributes().getOrDefault(name, Set.of()), v -> live.test("attr:" + name, v), v -> v)));
        List<FacetValue> categories = new ArrayList<>();
        for (String id : tree.facetIds(q.categoryId())) {
            int count = category.getOrDefault(id, 0);
            if (count > 0) {
                categories.add(new FacetValue(id, tree.get(id).name(), count));
            }
        }
        List<PriceBucket> buckets = new ArrayList<>();
        for (int b = 0; b < PRICE_BUCKETS.length; b++) {
            buckets.add(new PriceBucket(PRICE_BUCKETS[b], b + 1 < PRICE_BUCKETS.length ? PRICE_BUCKETS[b + 1] - 1 : null, price[b]));
        }
        return new Facets(
                valueFacet(brand, q.brands(), v -> live.test("brand", v), brandNames::brandName),
                valueFacet(colour, q.colours(), v -> live.test("colour", v), CatalogIndex::colourLabel),
                categories, buckets, attributeFacets);
    }

    private static Map<String, Integer> sum(List<Partial> parts, java.util.function.Function<Partial, Map<String, Integer>> counts) {
        if (parts.size() == 1) {
            return counts.apply(parts.get(0));
        }
        Map<String, Integer> out = new HashMap<>();
        for (Partial p : parts) {
            counts.apply(p).forEach((k, v) -> out.merge(k, v, Integer::sum));
        }
        return out;
    }

    /**
     * Values with hits, and selected values that exist; most hits first, then by label and value. A product without a
     * value (no brand, no colour) counts under none: "" is not a value a shopper can choose.
     */
    private static List<FacetValue> valueFacet(Map<String, Integer> counts, Set<String> selected,
                                               java.util.function.Predicate<String> exists,
                                               java.util.function.Function<String, String> label) {
        List<FacetValue> out = new ArrayList<>();
        counts.forEach((value, count) -> {
            if (count > 0 && !value.isEmpty()) {
                out.add(new FacetValue(value, label.apply(value), count));
            }
        });
        for (String value : selected) {
            if (counts.getOrDefault(value, 0) == 0 && exists.test(value)) {
                out.add(new FacetValue(value, label.apply(value), 0));
            }
        }
        out.sort(Comparator.comparingInt(FacetValue::count).reversed().thenComparing(FacetValue::label)
                .thenComparing(FacetValue::value));
        return out;
    }

    /**
     * Related products over disjoint segments, each with the documents of it that count ({@code null}: all):
     * ring by ring outwards from the product's category, the nearest in price first, ties by name then id.
     */
    static List<CatalogItem> related(CatalogItem self, int limit, CategoryTree tree, List<CatalogIndex> segments,
                                     List<Bits> live) {
        record Candidate(CatalogItem item, long distance, String folded) {
        }
        Comparator<Candidate> better = Comparator.comparingLong(Candidate::distance).thenComparing(Candidate::folded)
                .thenComparing(c -> c.item().productId());
        List<CatalogItem> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(self.productId());
        List<Category> path = tree.path(self.categoryId());
        for (int level = path.size() - 1; level >= 0 && out.size() < limit; level--) {
            int need = limit - out.size();
            java.util.PriorityQueue<Candidate> worstFirst = new java.util.PriorityQueue<>(better.reversed());
            for (int s = 0; s < segments.size(); s++) {
                CatalogIndex segment = segments.get(s);
                Bits ring = segment.byCategory.get(path.get(level).categoryId());
                if (ring == null) {
                    continue;
                }
                Bits alive = live.get(s);
                for (int d = ring.nextSetBit(0); d >= 0; d = ring.nextSetBit(d + 1)) {
                    CatalogItem item = segment.docs[d];
                    if ((alive != null && !alive.get(d)) || taken.contains(item.productId())) {
                        continue;
                    }
                    long distance = Math.abs(item.priceMinor() - self.priceMinor());
                    if (worstFirst.size() == need && distance > worstFirst.peek().distance()) {
                        continue;
                    }
                    Candidate c = new Candidate(item, distance, fold(item.name()));
                    if (worstFirst.size() < need) {
                        worstFirst.add(c);
                    } else if (better.compare(c, worstFirst.peek()) < 0) {
                        worstFirst.poll();
                        worstFirst.add(c);
                    }
                }
            }
            List<Candidate> ring = new ArrayList<>(worstFirst);
            ring.sort(better);
            for (Candidate c : ring) {
                taken.add(c.item().productId());
                out.add(c.item());
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
     * Counts per value over {@code base} (values with none left out), whichever way is cheaper: one AND-count
     * per value (each a pass over all words), or one pass over the documents in {@code base} reading each one's
     * value ordinal.
     */
    private static Map<String, Integer> valueCounts(Dimension dimension, Bits base) {
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
        Map<String, Integer> out = new HashMap<>();
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0) {
                out.put(values.get(v), counts[v]);
            }
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
    public static String fold(String s) {
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
    static final class Dimension {
        final Map<String, Bits> bits = new HashMap<>();
        final List<String> values = new ArrayList<>();
        final int[] ordinalOf;
        /** Documents per value ordinal. */
        int[] counts = new int[4];
        final Map<String, Integer> ordinals = new HashMap<>();
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
                if (ord == counts.length) {
                    counts = Arrays.copyOf(counts, ord * 2);
                }
            }
            bits.get(v).set(doc);
            ordinalOf[doc] = ord;
            counts[ord]++;
        }
    }

    /**
     * The relevance weight of each term of one product (into {@code out}, cleared first): per field its weight
     * (name 4, brand 3, each category on its path 2, colour 2, each attribute value 1, description 1), a field
     * counting once however often it repeats a term. A query term adds the weights of the document terms it
     * matches, exactly or, for the last term typed, as a prefix at {@link #PREFIX_FACTOR}. Every search backend
     * scores by this.
     */
    public static void termWeights(CatalogItem item, CategoryTree tree, BrandNames brands, Map<String, Float> out) {
        out.clear();
        addTerms(out, item.name(), W_NAME);
        addTerms(out, brands.brandName(item.brandId()), W_BRAND);
        for (Category c : tree.path(item.categoryId())) {
            addTerms(out, c.name(), W_CATEGORY);
        }
        addTerms(out, item.colour(), W_COLOUR);
        for (String value : item.attributes().values()) {
            addTerms(out, value, W_ATTRIBUTE);
        }
        addTerms(out, item.description(), W_DESCRIPTION);
    }

    /** A field counts once per document however often its text repeats a term. */
    private static void addTerms(Map<String, Float> docTerms, String text, float weight) {
        for (String token : new HashSet<>(Tokenizer.tokens(text))) {
            docTerms.merge(token, weight, Float::sum);
        }
    }

    public static String colourLabel(String colour) {
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
