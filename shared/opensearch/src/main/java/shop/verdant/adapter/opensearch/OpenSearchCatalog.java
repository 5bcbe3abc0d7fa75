package shop.verdant.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.application.catalog.port.CatalogSearchFeed;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.catalog.search.SortOrder;
import shop.verdant.domain.catalog.search.Tokenizer;
import shop.verdant.domain.common.ValidationException;

/**
 * Catalog search on an OpenSearch index, answering exactly as the in-memory index does (a property test holds
 * the two together):
 * <ul>
 * <li>relevance: each document's terms are indexed by the shop's own {@link Tokenizer}, each repeated as often as
 * its weight ({@link CatalogIndex#termWeights}), under a scripted similarity that scores {@code boost × frequency};
 * so a term scores its weight, and the last term typed also matches as a prefix (a scoring rewrite) at half;</li>
 * <li>filters go in {@code post_filter} and each facet is an aggregation under every filter but its own
 * (disjunctive counts), shaped by {@link CatalogIndex#facets};</li>
 * <li>every sort ends with the folded name and then the id, as the index's does.</li>
 * </ul>
 * One search is one request. Fed product by product ({@link CatalogSearchFeed}) from the Products stream.
 */
public final class OpenSearchCatalog implements CatalogSearch, CatalogSearchFeed {
    private static final int VALUE_BUCKETS = 10_000;
    /** The deepest page a cursor can reach (the index's {@code max_result_window}). */
    static final int MAX_WINDOW = 1_000_000;

    private final OpenSearchHttp http;
    private final String index;
    private final Supplier<CategoryTree> tree;
    private final Supplier<BrandNames> brands;

    public OpenSearchCatalog(OpenSearchHttp http, String index, Supplier<CategoryTree> tree, Supplier<BrandNames> brands) {
        this.http = http;
        this.index = index;
        this.tree = tree;
        this.brands = brands;
    }

    /** Creates the index with its settings and mappings unless it exists. */
    public void ensureIndex(int replicas) {
        if (http.send("HEAD", index, null, "application/json", true) != null) {
            return;
        }
        Map<String, Object> settings = Map.of(
                "number_of_shards", 1, "number_of_replicas", replicas, "max_result_window", MAX_WINDOW,
                "similarity", Map.of("weight", Map.of("type", "scripted",
                        "script", Map.of("source", "return query.boost * doc.freq;"))));
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String keyword : List.of("id", "nameFold", "brand", "colour", "category", "attrs")) {
            properties.put(keyword, Map.of("type", "keyword"));
        }
        properties.put("price", Map.of("type", "long"));
        properties.put("created", Map.of("type", "long"));
        properties.put("attr", Map.of("type", "object", "dynamic", true));
        properties.put("terms", Map.of("type", "text", "analyzer", "whitespace", "similarity", "weight",
                "index_options", "freqs", "norms", false));
        properties.put("item", Map.of("type", "object", "enabled", false));
        Map<String, Object> mappings = Map.of("dynamic", "strict",
                "dynamic_templates", List.of(Map.of("attributes", Map.of("path_match", "attr.*", "match_mapping_type", "string",
                        "mapping", Map.of("type", "keyword")))),
                "properties", properties);
        try {
            http.send("PUT", index, Map.of("settings", settings, "mappings", mappings));
        } catch (OpenSearchHttp.Failure raced) {
            if (raced.status() != 400 || !raced.getMessage().contains("resource_already_exists")) {
                throw raced;
            }
        }
    }

    // ---- the feed

    @Override
    public void put(CatalogItem item) {
        http.send("PUT", index + "/_doc/" + encode(item.productId()), document(item, tree.get(), brands.get()));
    }

    @Override
    public void remove(String productId) {
        http.send("DELETE", index + "/_doc/" + encode(productId), null, "application/json", true);
    }

    /** Replaces everything with {@code items} in bulk requests (a full republish, or a renamed brand or category). */
    public void replaceAll(List<CatalogItem> items) {
        http.send("POST", index + "/_delete_by_query?refresh=true&conflicts=proceed", Map.of("query", Map.of("match_all", Map.of())));
        CategoryTree categories = tree.get();
        BrandNames names = brands.get();
        for (int i = 0; i < items.size(); i += 1_000) {
            StringBuilder bulk = new StringBuilder();
            for (CatalogItem item : items.subList(i, Math.min(items.size(), i + 1_000))) {
                bulk.append(OpenSearchHttp.write(Map.of("index", Map.of("_id", item.productId())))).append('\n');
                bulk.append(OpenSearchHttp.write(document(item, categories, names))).append('\n');
            }
            JsonNode answer = http.send("POST", index + "/_bulk", bulk.toString(), "application/x-ndjson", false);
            if (answer.path("errors").asBoolean()) {
                throw new IllegalStateException("bulk indexing failed: " + answer.toString().substring(0, 500));
            }
        }
        refresh();
    }

    /** Makes every write so far visible to searches now (OpenSearch does it each second by itself). */
    public void refresh() {
        http.send("POST", index + "/_refresh", null);
    }

    static Map<String, Object> document(CatalogItem item, CategoryTree tree, BrandNames brands) {
        Map<String, Float> weights = new HashMap<>();
        CatalogIndex.termWeights(item, tree, brands, weights);
        StringBuilder terms = new StringBuilder();
        weights.forEach((term, weight) -> {
            int times = Math.round(weight);
            if (times != weight) {
                throw new IllegalStateException("term weights must be whole numbers: " + term + "=" + weight);
            }
            for (int k = 0; k < times; k++) {
                terms.append(term).append(' ');
            }
        });
        Map<String, Object> attr = new LinkedHashMap<>();
        List<String> attrs = new ArrayList<>();
        item.attributes().forEach((name, value) -> {
            attr.put(name, value);
            attrs.add(name + "=" + value);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", item.productId());
        doc.put("nameFold", CatalogIndex.fold(item.name()));
        doc.put("price", item.priceMinor());
        doc.put("created", item.createdAtMillis());
        doc.put("brand", orEmpty(item.brandId()));
        doc.put("colour", orEmpty(item.colour()));
        doc.put("category", tree.path(item.categoryId()).stream().map(Category::categoryId).toList());
        doc.put("attr", attr);
        doc.put("attrs", attrs);
        doc.put("terms", terms.toString());
        doc.put("item", item);
        return doc;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- searching

    @Override
    public CategoryTree categories() {
        return tree.get();
    }

    @Override
    public BrandNames labels() {
        return brands.get();
    }

    @Override
    public Answer search(ProductQuery q) {
        CategoryTree categories = tree.get();
        if (q.categoryId() != null && !categories.contains(q.categoryId())) {
            throw ValidationException.of("category", "no category has the id '" + q.categoryId() + "'");
        }
        BrandNames names = brands.get();
        List<String> terms = q.text() == null ? List.of() : Tokenizer.tokens(q.text());
        boolean scored = q.sort() == SortOrder.RELEVANCE && !terms.isEmpty();

        Map<String, Object> filters = new LinkedHashMap<>();   // by the facet each one is left out of
        if (q.categoryId() != null) {
            filters.put("category", term("category", q.categoryId()));
        }
        if (!q.brands().isEmpty()) {
            filters.put("brand", Map.of("terms", Map.of("brand", List.copyOf(q.brands()))));
        }
        if (!q.colours().isEmpty()) {
            filters.put("colour", Map.of("terms", Map.of("colour", List.copyOf(q.colours()))));
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (q.minPrice() != null) {
                range.put("gte", q.minPrice());
            }
            if (q.maxPrice() != null) {
                range.put("lte", q.maxPrice());
            }
            filters.put("price", Map.of("range", Map.of("price", range)));
        }
        q.attributes().forEach((name, values) ->
                filters.put("attr:" + name, Map.of("terms", Map.of("attr." + name, List.copyOf(values)))));

        Map<String, Object> aggs = new LinkedHashMap<>();
        aggs.put("brand", facet(filters, "brand", Map.of("terms", Map.of("field", "brand", "size", VALUE_BUCKETS))));
        aggs.put("colour", facet(filters, "colour", Map.of("terms", Map.of("field", "colour", "size", VALUE_BUCKETS))));
        List<String> categoryIds = categories.facetIds(q.categoryId());
        if (!categoryIds.isEmpty()) {
            aggs.put("category", facet(filters, "category",
                    Map.of("terms", Map.of("field", "category", "include", categoryIds, "size", categoryIds.size()))));
        }
        List<Map<String, Object>> ranges = new ArrayList<>();
        long[] bounds = CatalogIndex.PRICE_BUCKETS;
        for (int b = 0; b < bounds.length; b++) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (b > 0) {
                range.put("from", bounds[b]);
            }
            if (b + 1 < bounds.length) {
                range.put("to", bounds[b + 1]);
            }
            ranges.add(range);
        }
        aggs.put("price", facet(filters, "price", Map.of("range", Map.of("field", "price", "ranges", ranges))));
        aggs.put("attrs", facet(filters, null, Map.of("terms", Map.of("field", "attrs", "size", VALUE_BUCKETS))));
        List<String> queried = new ArrayList<>(q.attributes().keySet());
        for (int a = 0; a < queried.size(); a++) {
            aggs.put("attr" + a, facet(filters, "attr:" + queried.get(a),
                    Map.of("terms", Map.of("field", "attr." + queried.get(a), "size", VALUE_BUCKETS))));
        }
        aggs.put("all", Map.of("global", Map.of(), "aggs", Map.of(
                "brand", Map.of("terms", Map.of("field", "brand", "size", VALUE_BUCKETS)),
                "colour", Map.of("terms", Map.of("field", "colour", "size", VALUE_BUCKETS)),
                "attrs", Map.of("terms", Map.of("field", "attrs", "size", VALUE_BUCKETS)))));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", Math.min(q.offset(), MAX_WINDOW - q.limit()));
        body.put("size", q.limit());
        body.put("track_total_hits", true);
        body.put("_source", List.of("item"));
        body.put("query", terms.isEmpty() ? Map.of("match_all", Map.of()) : textQuery(terms, q.text()));
        body.put("post_filter", Map.of("bool", Map.of("filter", List.copyOf(filters.values()))));
        body.put("aggs", aggs);
        body.put("sort", sort(q.sort(), scored));
        JsonNode answer = http.send("POST", index + "/_search", body);
        return new Answer(result(q, answer, categories, names, queried), names);
    }

    /** Every term must match; each scores its weight, and the last one typed also as a prefix at half. */
    private static Map<String, Object> textQuery(List<String> terms, String text) {
        boolean lastIsPrefix = !Character.isWhitespace(text.charAt(text.length() - 1));
        List<Object> must = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            if (lastIsPrefix && t == terms.size() - 1) {
                // the prefix clause matches the whole word too: exact = 1/2 + 1/2, any longer word = 1/2
                float half = CatalogIndex.PREFIX_FACTOR;
                must.add(Map.of("bool", Map.of("should", List.of(
                        Map.of("term", Map.of("terms", Map.of("value", term, "boost", 1 - half))),
                        Map.of("prefix", Map.of("terms", Map.of("value", term, "boost", half, "rewrite", "scoring_boolean")))),
                        "minimum_should_match", 1)));
            } else {
                must.add(Map.of("term", Map.of("terms", Map.of("value", term))));
            }
        }
        return Map.of("bool", Map.of("must", must));
    }

    private static List<Object> sort(SortOrder sort, boolean scored) {
        Map<String, Object> nameAsc = Map.of("nameFold", "asc");
        Map<String, Object> idAsc = Map.of("id", "asc");
        Map<String, Object> newest = Map.of("created", "desc");
        return switch (sort) {
            case PRICE_ASC -> List.of(Map.of("price", "asc"), nameAsc, idAsc);
            case PRICE_DESC -> List.of(Map.of("price", "desc"), Map.of("nameFold", "desc"), Map.of("id", "desc"));
            case NAME -> List.of(nameAsc, idAsc);
            case NEWEST -> List.of(newest, nameAsc, idAsc);
            case RELEVANCE -> scored ? List.of(Map.of("_score", "desc"), newest, nameAsc, idAsc) : List.of(newest, nameAsc, idAsc);
        };
    }

    /** An aggregation over the documents that pass every filter but {@code own} (null: all filters). */
    private static Map<String, Object> facet(Map<String, Object> filters, String own, Map<String, Object> agg) {
        List<Object> others = new ArrayList<>();
        filters.forEach((key, filter) -> {
            if (!key.equals(own)) {
                others.add(filter);
            }
        });
        return Map.of("filter", Map.of("bool", Map.of("filter", others)), "aggs", Map.of("v", agg));
    }

    private static Map<String, Object> term(String field, String value) {
        return Map.of("term", Map.of(field, value));
    }

    private static SearchResult result(ProductQuery q, JsonNode answer, CategoryTree tree, BrandNames names,
                                       List<String> queried) {
        int total = answer.path("hits").path("total").path("value").asInt();
        List<CatalogItem> items = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            items.add(item(hit.path("_source").path("item")));
        }
        JsonNode aggs = answer.path("aggregations");
        JsonNode all = aggs.path("all");
        Set<String> liveBrands = keys(all.path("brand").path("buckets")).keySet();
        Set<String> liveColours = keys(all.path("colour").path("buckets")).keySet();
        Map<String, Set<String>> liveAttributes = new HashMap<>();
        pairs(keys(all.path("attrs").path("buckets"))).forEach((name, values) -> liveAttributes.put(name, values.keySet()));

        Map<String, Map<String, Integer>> attributeCounts = new HashMap<>();
        Map<String, Map<String, Integer>> overHits = pairs(keys(aggs.path("attrs").path("v").path("buckets")));
        liveAttributes.forEach((name, values) -> {
            if (values.size() <= CatalogIndex.MAX_FACETED_ATTRIBUTE_VALUES) {
                int own = queried.indexOf(name);
                attributeCounts.put(name, own < 0 ? overHits.getOrDefault(name, Map.of())
                        : keys(aggs.path("attr" + own).path("v").path("buckets")));
            }
        });
        int[] price = new int[CatalogIndex.PRICE_BUCKETS.length];
        JsonNode priceBuckets = aggs.path("price").path("v").path("buckets");
        for (int b = 0; b < price.length; b++) {
            price[b] = priceBuckets.path(b).path("doc_count").asInt();
        }
        SearchResult.Facets facets = CatalogIndex.facets(q, tree, names,
                keys(aggs.path("brand").path("v").path("buckets")),
                keys(aggs.path("colour").path("v").path("buckets")),
                keys(aggs.path("category").path("v").path("buckets")), price, attributeCounts,
                (dimension, value) -> switch (dimension) {
                    case "brand" -> liveBrands.contains(value);
                    case "colour" -> liveColours.contains(value);
                    default -> liveAttributes.getOrDefault(dimension.substring(5), Set.of()).contains(value);
                });
        int offset = Math.min(q.offset(), total);
        Integer next = offset + items.size() < total ? offset + items.size() : null;
        return new SearchResult(items, total, offset, next, facets, 0);
    }

    private static Map<String, Integer> keys(JsonNode buckets) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode b : buckets) {
            out.put(b.path("key").asText(), b.path("doc_count").asInt());
        }
        return out;
    }

    /** "name=value" counts, by name and value. */
    private static Map<String, Map<String, Integer>> pairs(Map<String, Integer> counts) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        counts.forEach((pair, count) -> {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(pair.substring(0, eq), k -> new HashMap<>()).put(pair.substring(eq + 1), count);
        });
        return out;
    }

    private static CatalogItem item(JsonNode node) {
        try {
            return OpenSearchHttp.JSON.treeToValue(node, CatalogItem.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable catalog item in the index", e);
        }
    }

    @Override
    public List<CatalogItem> related(String productId, int limit) {
        JsonNode doc = http.send("GET", index + "/_doc/" + encode(productId) + "?_source=item", null, "application/json", true);
        if (doc == null || !doc.path("found").asBoolean()) {
            return List.of();
        }
        CatalogItem self = item(doc.path("_source").path("item"));
        List<Category> path = tree.get().path(self.categoryId());
        List<CatalogItem> out = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(productId));
        for (int level = path.size() - 1; level >= 0 && out.size() < limit; level--) {
            Map<String, Object> body = Map.of("size", limit - out.size(), "_source", List.of("item"),
                    "query", Map.of("bool", Map.of("filter", List.of(term("category", path.get(level).categoryId())),
                            "must_not", List.of(Map.of("ids", Map.of("values", List.copyOf(taken)))))),
                    "sort", List.of(Map.of("_script", Map.of("type", "number", "order", "asc",
                                    "script", Map.of("source", "Math.abs(doc['price'].value - params.p)", "params", Map.of("p", self.priceMinor())))),
                            Map.of("nameFold", "asc"), Map.of("id", "asc")));
            for (JsonNode hit : http.send("POST", index + "/_search", body).path("hits").path("hits")) {
                CatalogItem item = item(hit.path("_source").path("item"));
                taken.add(item.productId());
                out.add(item);
            }
        }
        return out;
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
