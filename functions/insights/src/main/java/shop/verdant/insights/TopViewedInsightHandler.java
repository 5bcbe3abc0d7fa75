package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.InsightQuery;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/top-viewed: the most viewed products, their viewers, cart adds and view-to-cart rate. */
public final class TopViewedInsightHandler extends InsightHandler {
    public TopViewedInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public TopViewedInsightHandler(Supplier<Insights> insights) {
        super(insights);
    }

    @Override
    String name() {
        return "top-viewed";
    }

    @Override
    Object answer(Insights insights, InsightQuery query) {
        return insights.topViewed(query);
    }
}
