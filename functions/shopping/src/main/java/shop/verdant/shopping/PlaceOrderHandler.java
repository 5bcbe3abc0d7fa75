package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.application.shopping.PlaceOrderCommand;

/** POST /api/orders (Idempotency-Key): reprices, reserves stock and records the order in one transaction. */
public final class PlaceOrderHandler extends ShoppingHandler {
    public PlaceOrderHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public PlaceOrderHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    record Body(java.util.List<PlaceOrderCommand.Line> lines, shop.verdant.domain.shopping.Address shipTo) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var outcome = services().placeOrder().place(request.requirePrincipal().sub(), request.header("Idempotency-Key"),
                new PlaceOrderCommand(body.lines(), body.shipTo()), request.visit().visitorId(), request.requirePrincipal().email());
        // a replay renders the order as the first request placed it: the same bytes
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(201, ShoppingViews.order(outcome.order()));
        response.getHeaders().put("Location", "/api/orders/" + outcome.order().orderId());
        if (!outcome.replayed()) {
            Order order = outcome.order();
            tracker().track(request.visit(), new BehaviourEvent.OrderEvent(EventType.ORDER_PLACED, order.orderId(),
                    order.itemCount(), order.total()));
        }
        if (outcome.replayed()) {
            response.getHeaders().put("Idempotent-Replayed", "true");
            metrics().count("OrdersReplayed");
        } else {
            metrics().count("OrdersPlaced");
        }
        if (!outcome.cartCleared()) {
            shop.verdant.http.Log.warn("order " + outcome.order().orderId() + " placed, cart not cleared", null);
        }
        return response;
    }
}
