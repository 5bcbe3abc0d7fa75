package shop.verdant.application.insights.port;

import shop.verdant.application.insights.InsightQuery;
import shop.verdant.application.insights.Insights;

/** Aggregations over the behaviour events (OpenSearch {@code behaviour-*}). */
public interface InsightsStore {
    Insights.SearchTerms searchTerms(InsightQuery q, boolean zeroResultsOnly, int size);

    Insights.TopViewed topViewed(InsightQuery q, int size);

    Insights.FilterUsage filters(InsightQuery q, int size);

    Insights.Funnel funnel(InsightQuery q);
}
