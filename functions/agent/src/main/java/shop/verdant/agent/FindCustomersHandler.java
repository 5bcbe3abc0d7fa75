package shop.verdant.agent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.agents.PhoneOrders;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;

/** GET /api/agent/customers?email=|phone=: the callers' accounts that match (id, name, email, phone; nothing else). */
public final class FindCustomersHandler extends ApiHandler {
    private final Supplier<PhoneOrders> services;

    public FindCustomersHandler() {
        this(AgentWiring.SERVICES);
    }

    public FindCustomersHandler(Supplier<PhoneOrders> services) {
        this.services = services;
    }

    @Override
    protected Metrics metrics() {
        return AgentWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var found = services.get().find(request.queryParameter("email"), request.queryParameter("phone"));
        return ApiResponse.privateJson(200, Map.of("items", found));
    }
}
