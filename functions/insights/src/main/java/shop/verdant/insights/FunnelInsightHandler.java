package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/funnel: unique visitors who viewed, added to cart, started checkout and paid. */
public final class FunnelInsightHandler extends InsightHandler {
    public FunnelInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public FunnelInsightHandler(Supplier<Insights> insights) {
        super(insights, "funnel", Insights::funnel);
    }
}
