package shop.verdant.insights;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.insights.InsightQuery;
import shop.verdant.application.insights.Insights;
import shop.verdant.application.insights.port.InsightsStore;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.http.Log;
import shop.verdant.http.Problem;

/**
 * GET /api/insights/{insight}?from=&to=&interval=: one insight, with the range it covers. A bad range is a 400 naming
 * the field; OpenSearch unreachable is a 503 problem with Retry-After (the insight can be asked again), never a 500.
 */
abstract class InsightHandler extends ApiHandler {
    private final Supplier<Insights> insights;
    private final String name;
    private final java.util.function.BiFunction<Insights, InsightQuery, Object> answer;

    /** {@code name}: the insight's name in the path; {@code answer}: which of the insights it is. */
    InsightHandler(Supplier<Insights> insights, String name, java.util.function.BiFunction<Insights, InsightQuery, Object> answer) {
        this.insights = insights;
        this.name = name;
        this.answer = answer;
    }

    String name() {
        return name;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        InsightQuery query = InsightQuery.parse(request.queryParameters(), InsightsWiring.CLOCK);
        Object result;
        try {
            result = answer.apply(insights.get(), query);
        } catch (InsightsStore.Unavailable e) {
            Log.warn("insight " + name() + " unavailable", e);
            APIGatewayProxyResponseEvent unavailable = ApiResponse.problem(Problem.of("insights-unavailable",
                    "Insights unavailable", 503, "The behaviour store did not answer; try again in a minute.",
                    request.requestId()));
            unavailable.getHeaders().put("Retry-After", "30");
            return unavailable;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("insight", name());
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("interval", query.interval().name().toLowerCase(java.util.Locale.ROOT));
        body.putAll(Json.MAPPER.convertValue(result, Map.class));
        return ApiResponse.privateJson(200, body);
    }
}
