package shop.verdant.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The insights context: what marketing (and admins) read from the behaviour events in OpenSearch, and the Orders
 * stream consumer that records {@code order_paid}, the one event no browser can fake or forget.
 */
public final class InsightsContract {
    private InsightsContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("insights", "functions/insights",
            "insights for marketing from the behaviour events; order_paid from the Orders stream", Set.of());

    private static Route insight(String path, String simpleName, String description) {
        return Route.signedIn("GET", "/api/insights/" + path, GROUP.handler(simpleName, Map.of(), description,
                Set.of(Need.OPENSEARCH_READ)), Role.MARKETING, Role.ADMIN);
    }

    public static final List<Trigger> TRIGGERS = List.of(
            insight("search-terms", "SearchTermsInsightHandler", "Top search terms with visitors and trend"),
            insight("zero-results", "ZeroResultsInsightHandler", "Search terms that found nothing"),
            insight("top-viewed", "TopViewedInsightHandler", "Most viewed products with their view-to-cart rate"),
            insight("filters", "FiltersInsightHandler", "Which filters searches use, with their top values"),
            insight("funnel", "FunnelInsightHandler", "View, cart, checkout, paid: unique visitors per step"),
            new TableStream(GROUP.handler("TrackOrdersHandler", Map.of(),
                    "Records order_paid from the Orders stream into the direct behaviour delivery stream",
                    Set.of(Need.BEHAVIOUR_STREAM)), Tables.ORDERS),
            new DeployHook(GROUP.handler("SetUpTrackingHandler", Map.of(),
                    "Applies the tracking index templates, retention policies, access roles and Dashboards objects",
                    Set.of(Need.OPENSEARCH_ADMIN))));
}
