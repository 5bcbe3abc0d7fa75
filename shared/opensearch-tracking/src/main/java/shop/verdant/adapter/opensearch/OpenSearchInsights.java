package shop.verdant.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.insights.InsightQuery;
import shop.verdant.application.insights.Insights;
import shop.verdant.application.insights.port.InsightsStore;

/**
 * The insights as OpenSearch aggregations over {@code behaviour-*}: one search request each, size 0 (the funnel
 * pages a composite aggregation over visitors). Field names are the behaviour template's.
 */
public final class OpenSearchInsights implements InsightsStore {
    static final int PRECISION = 40_000;
    private static final int FUNNEL_PAGE = 2_000;
    private static final String SEARCH = TrackingIndices.BEHAVIOUR + "-*/_search?ignore_unavailable=true&allow_no_indices=true";

    private final OpenSearchHttp http;

    public OpenSearchInsights(OpenSearchHttp http) {
        this.http = http;
    }

    private static Map<String, Object> range(InsightQuery q) {
        return Map.of("range", Map.of("@timestamp", Map.of("gte", q.from().toEpochMilli(), "lt", q.to().toEpochMilli(),
                "format", "epoch_millis")));
    }

    private static Map<String, Object> term(String field, Object value) {
        return Map.of("term", Map.of(field, value));
    }

    private static Map<String, Object> filtered(List<Object> filters) {
        return Map.of("bool", Map.of("filter", filters));
    }

    private static Map<String, Object> visitors() {
        return Map.of("cardinality", Map.of("field", "visitorId", "precision_threshold", PRECISION));
    }

    private JsonNode search(Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.put("size", 0);
        request.put("track_total_hits", true);
        try {
            return http.send("POST", SEARCH, request);
        } catch (OpenSearchHttp.Failure e) {
            // 429 and 5xx: busy, or an index whose shards are still starting; a 4xx is a bug of ours and stays one
            if (e.status() == 429 || e.status() >= 500) {
                throw new InsightsStore.Unavailable("OpenSearch answered " + e.status(), e);
            }
            throw e;
        } catch (IllegalStateException e) {
            throw new InsightsStore.Unavailable("OpenSearch unreachable", e);
        }
    }

    @Override
    public Insights.SearchTerms searchTerms(InsightQuery q, boolean zeroResultsOnly, int size) {
        List<Object> filters = new ArrayList<>(List.of(term("type", "search"), range(q),
                Map.of("range", Map.of("search.termCount", Map.of("gte", 1)))));
        if (zeroResultsOnly) {
            filters.add(term("search.zeroResults", true));
        }
        Map<String, Object> trend = Map.of("date_histogram", Map.of("field", "@timestamp",
                "calendar_interval", q.interval().calendar(), "min_doc_count", 0,
                "extended_bounds", Map.of("min", q.from().toEpochMilli(), "max", q.to().toEpochMilli() - 1)));
        JsonNode answer = search(Map.of("query", filtered(filters), "aggs", Map.of(
                "visitors", visitors(),
                "terms", Map.of("terms", Map.of("field", "search.terms", "size", size,
                                "order", List.of(Map.of("_count", "desc"), Map.of("_key", "asc"))),
                        "aggs", Map.of("visitors", visitors(), "trend", trend)))));
        List<Insights.Term> terms = new ArrayList<>();
        for (JsonNode b : answer.path("aggregations").path("terms").path("buckets")) {
            List<Insights.Point> points = new ArrayList<>();
            for (JsonNode p : b.path("trend").path("buckets")) {
                points.add(new Insights.Point(Instant.ofEpochMilli(p.path("key").asLong()), p.path("doc_count").asLong()));
            }
            terms.add(new Insights.Term(b.path("key").asText(), b.path("doc_count").asLong(),
                    b.path("visitors").path("value").asLong(), points));
        }
        return new Insights.SearchTerms(total(answer), answer.path("aggregations").path("visitors").path("value").asLong(), terms);
    }

    @Override
    public Insights.TopViewed topViewed(InsightQuery q, int size) {
        JsonNode answer = search(Map.of("query", filtered(List.of(
                        Map.of("terms", Map.of("type", List.of("product_view", "cart_add"))), range(q))),
                "aggs", Map.of(
                        "views", Map.of("filter", term("type", "product_view")),
                        "products", Map.of("terms", Map.of("field", "product.productId", "size", size,
                                        "order", List.of(Map.of("views", "desc"), Map.of("_key", "asc"))),
                                "aggs", Map.of(
                                        "views", Map.of("filter", term("type", "product_view"),
                                                "aggs", Map.of("viewers", visitors())),
                                        "carts", Map.of("filter", term("type", "cart_add")),
                                        "name", Map.of("terms", Map.of("field", "product.name", "size", 1)))))));
        List<Insights.ProductViews> products = new ArrayList<>();
        for (JsonNode b : answer.path("aggregations").path("products").path("buckets")) {
            long views = b.path("views").path("doc_count").asLong();
            long carts = b.path("carts").path("doc_count").asLong();
            JsonNode names = b.path("name").path("buckets");
            products.add(new Insights.ProductViews(b.path("key").asText(), names.isEmpty() ? null : names.get(0).path("key").asText(),
                    views, b.path("views").path("viewers").path("value").asLong(), carts, Insights.percent(carts, views)));
        }
        return new Insights.TopViewed(answer.path("aggregations").path("views").path("doc_count").asLong(), products);
    }

    @Override
    public Insights.FilterUsage filters(InsightQuery q, int size) {
        JsonNode answer = search(Map.of("query", filtered(List.of(term("type", "search"), range(q))),
                "aggs", Map.of(
                        "filtered", Map.of("filter", Map.of("exists", Map.of("field", "search.filters"))),
                        "names", Map.of("terms", Map.of("field", "search.filters", "size", size,
                                "order", List.of(Map.of("_count", "desc"), Map.of("_key", "asc")))),
                        "values", Map.of("terms", Map.of("field", "search.filterValues", "size", size * 10,
                                "order", List.of(Map.of("_count", "desc"), Map.of("_key", "asc")))))));
        long searches = total(answer);
        Map<String, List<Insights.FilterValue>> byName = new LinkedHashMap<>();
        for (JsonNode v : answer.path("aggregations").path("values").path("buckets")) {
            String pair = v.path("key").asText();
            int eq = pair.indexOf('=');
            if (eq > 0) {
                byName.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                        .add(new Insights.FilterValue(pair.substring(eq + 1), v.path("doc_count").asLong()));
            }
        }
        List<Insights.Filter> filters = new ArrayList<>();
        for (JsonNode b : answer.path("aggregations").path("names").path("buckets")) {
            String name = b.path("key").asText();
            List<Insights.FilterValue> values = byName.getOrDefault(name, List.of());
            filters.add(new Insights.Filter(name, b.path("doc_count").asLong(),
                    Insights.percent(b.path("doc_count").asLong(), searches), values.subList(0, Math.min(10, values.size()))));
        }
        return new Insights.FilterUsage(searches, answer.path("aggregations").path("filtered").path("doc_count").asLong(), filters);
    }

    @Override
    public Insights.Funnel funnel(InsightQuery q) {
        List<String> steps = Insights.FUNNEL;
        Map<String, Object> stepAggs = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            stepAggs.put("s" + i, Map.of("filter", term("type", steps.get(i))));
        }
        long[] did = new long[steps.size()];
        long[] through = new long[steps.size()];
        Object after = null;
        do {
            Map<String, Object> composite = new LinkedHashMap<>();
            composite.put("size", FUNNEL_PAGE);
            composite.put("sources", List.of(Map.of("visitor", Map.of("terms", Map.of("field", "visitorId")))));
            if (after != null) {
                composite.put("after", after);
            }
            JsonNode answer = search(Map.of("query", filtered(List.of(Map.of("terms", Map.of("type", steps)), range(q))),
                    "aggs", Map.of("visitors", Map.of("composite", composite, "aggs", stepAggs))));
            JsonNode agg = answer.path("aggregations").path("visitors");
            for (JsonNode b : agg.path("buckets")) {
                boolean all = true;
                for (int i = 0; i < steps.size(); i++) {
                    boolean done = b.path("s" + i).path("doc_count").asLong() > 0;
                    if (done) {
                        did[i]++;
                    }
                    all &= done;
                    if (all) {
                        through[i]++;
                    }
                }
            }
            after = agg.path("buckets").size() < FUNNEL_PAGE || agg.path("after_key").isMissingNode() ? null
                    : OpenSearchHttp.JSON.convertValue(agg.path("after_key"), Map.class);
        } while (after != null);
        List<Insights.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(new Insights.Step(steps.get(i), did[i], through[i],
                    i == 0 ? 100.0 : Insights.percent(through[i], through[i - 1])));
        }
        return new Insights.Funnel(out);
    }

    private static long total(JsonNode answer) {
        return answer.path("hits").path("total").path("value").asLong();
    }
}
