package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/search-terms: the most searched terms (normalized), their unique visitors and trend. */
public final class SearchTermsInsightHandler extends InsightHandler {
    public SearchTermsInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public SearchTermsInsightHandler(Supplier<Insights> insights) {
        super(insights, "search-terms", Insights::searchTerms);
    }
}
