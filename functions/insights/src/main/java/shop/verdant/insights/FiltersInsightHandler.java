package shop.verdant.insights;

import java.util.function.Supplier;
import shop.verdant.application.insights.Insights;

/** GET /api/insights/filters: how often each filter is used in searches, with its top values. */
public final class FiltersInsightHandler extends InsightHandler {
    public FiltersInsightHandler() {
        this(InsightsWiring.INSIGHTS);
    }

    public FiltersInsightHandler(Supplier<Insights> insights) {
        super(insights, "filters", Insights::filters);
    }
}
