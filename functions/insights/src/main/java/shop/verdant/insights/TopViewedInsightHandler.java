package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/top-viewed: the most viewed products, their viewers, cart adds and view-to-cart rate. */
public final class TopViewedInsightHandler extends InsightHandler {
    public TopViewedInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public TopViewedInsightHandler(Supplier<Insights> insights) {
        super(insights, "top-viewed", Insights::topViewed);
    }
}
