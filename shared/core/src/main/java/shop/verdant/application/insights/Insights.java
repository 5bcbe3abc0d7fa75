package shop.verdant.application.insights;

import java.time.Instant;
import java.util.List;
import shop.verdant.application.insights.port.InsightsStore;

/**
 * What marketing sees: the five insights, each answered by one aggregation over the behaviour events. Counts of
 * unique visitors are exact up to 40,000 visitors a bucket (OpenSearch's cardinality precision threshold), the
 * funnel exactly (it walks every visitor of the range).
 */
public final class Insights {
    public static final int DEFAULT_SIZE = 20;

    private final InsightsStore store;

    public Insights(InsightsStore store) {
        this.store = store;
    }

    /** A count at the start of a trend bucket. */
    public record Point(Instant at, long count) {
    }

    /** A search term: how often it was searched, by how many visitors, and how often in each bucket. */
    public record Term(String term, long count, long visitors, List<Point> trend) {
    }

    /** {@code searches}: all searches with terms in the range; {@code terms}: the most searched. */
    public record SearchTerms(long searches, long visitors, List<Term> terms) {
    }

    /** A product's views, its unique viewers, cart adds and the view → cart rate (cart adds per view, percent). */
    public record ProductViews(String productId, String name, long views, long viewers, long cartAdds, double viewToCartPercent) {
    }

    public record TopViewed(long views, List<ProductViews> products) {
    }

    public record FilterValue(String value, long count) {
    }

    /** A filter (category, brand, colour, price, attr.NAME): in how many searches, and its most used values. */
    public record Filter(String name, long searches, double percentOfSearches, List<FilterValue> values) {
    }

    public record FilterUsage(long searches, long filtered, List<Filter> filters) {
    }

    /**
     * A funnel step: unique visitors who did it in the range ({@code visitors}), and those who also did every step
     * before it ({@code throughPrevious}), with the rate from the step before.
     */
    public record Step(String step, long visitors, long throughPrevious, double percentOfPrevious) {
    }

    public record Funnel(List<Step> steps) {
    }

    /** The funnel's steps, in order: event types. */
    public static final List<String> FUNNEL = List.of("product_view", "cart_add", "checkout_started", "order_paid");

    public SearchTerms searchTerms(InsightQuery q) {
        return store.searchTerms(q, false, DEFAULT_SIZE);
    }

    public SearchTerms zeroResults(InsightQuery q) {
        return store.searchTerms(q, true, DEFAULT_SIZE);
    }

    public TopViewed topViewed(InsightQuery q) {
        return store.topViewed(q, DEFAULT_SIZE);
    }

    public FilterUsage filters(InsightQuery q) {
        return store.filters(q, DEFAULT_SIZE);
    }

    public Funnel funnel(InsightQuery q) {
        return store.funnel(q);
    }

    /** {@code part} of {@code whole} in percent, one decimal; 0 when there is no whole. */
    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
