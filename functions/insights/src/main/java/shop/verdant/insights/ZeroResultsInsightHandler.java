package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/zero-results: the terms searches found nothing for. */
public final class ZeroResultsInsightHandler extends InsightHandler {
    public ZeroResultsInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public ZeroResultsInsightHandler(Supplier<Insights> insights) {
        super(insights, "zero-results", Insights::zeroResults);
    }
}
