package shop.verdant.application.insights.port;

import shop.verdant.application.insights.InsightQuery;
import shop.verdant.application.insights.Insights;

/** Aggregations over the behaviour events (OpenSearch {@code behaviour-*}). */
public interface InsightsStore {
    /** The store did not answer, or answered that it cannot now (starting, overloaded): ask again later. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Insights.SearchTerms searchTerms(InsightQuery q, boolean zeroResultsOnly, int size);

    Insights.TopViewed topViewed(InsightQuery q, int size);

    Insights.FilterUsage filters(InsightQuery q, int size);

    Insights.Funnel funnel(InsightQuery q);
}
