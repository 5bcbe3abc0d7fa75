package shop.verdant.agent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.agents.PhoneOrders;
import shop.verdant.application.shopping.PlaceOrderCommand;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.http.Metrics;

/**
 * POST /api/agent/orders (Idempotency-Key) {customer: {customerId} | {name, email, phone}, lines, shipTo}: 201 with the
 * order (confirmed, cash on delivery), the customer it is for, and what to read back to the caller. A retry with the
 * same key answers the same order and places nothing.
 */
public final class PlacePhoneOrderHandler extends ApiHandler {
    private final Supplier<PhoneOrders> services;

    public PlacePhoneOrderHandler() {
        this(AgentWiring.SERVICES);
    }

    public PlacePhoneOrderHandler(Supplier<PhoneOrders> services) {
        this.services = services;
    }

    @Override
    protected Metrics metrics() {
        return AgentWiring.METRICS;
    }

    record Body(PhoneOrders.CustomerRef customer, List<PlaceOrderCommand.Line> lines, Address shipTo) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var placed = services.get().place(request.requirePrincipal().sub(), request.header("Idempotency-Key"),
                body.customer(), new PlaceOrderCommand(body.lines(), body.shipTo()));
        Order o = placed.order();
        String c = o.totals().currency();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderId", o.orderId());
        out.put("status", o.status().name());
        out.put("payment", "cod");
        out.put("customer", placed.customer());
        out.put("signedUp", placed.signedUp());
        out.put("lines", o.lines().stream().map(l -> Map.of("productId", l.productId(), "name", l.name(), "quantity", l.quantity(),
                "subtotal", Map.of("amount", l.subtotalMinor(), "currency", c))).toList());
        out.put("subtotal", Map.of("amount", o.totals().subtotal().minor(), "currency", c));
        out.put("shipping", Map.of("amount", o.totals().shipping().minor(), "currency", c));
        out.put("total", Map.of("amount", o.total().minor(), "currency", c));
        out.put("shipTo", o.shipTo());
        out.put("readBack", readBack(o, placed.customer().name()));
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(201, out);
        if (placed.replayed()) {
            response.getHeaders().put("Idempotent-Replayed", "true");
        }
        metrics().count(placed.replayed() ? "PhoneOrdersReplayed" : "PhoneOrdersPlaced");
        return response;
    }

    /** The summary an agent reads to the caller before hanging up. */
    static String readBack(Order o, String name) {
        java.text.NumberFormat euros = java.text.NumberFormat.getCurrencyInstance(java.util.Locale.forLanguageTag("en-IE"));
        euros.setCurrency(java.util.Currency.getInstance(o.totals().currency()));
        // the order as the customer's pages name it: its last 8 characters, upper-case
        String shortId = o.orderId().substring(Math.max(0, o.orderId().length() - 8)).toUpperCase(java.util.Locale.ROOT);
        StringBuilder s = new StringBuilder((name == null ? "Your" : name + ", your") + " order " + shortId + ": ");
        s.append(String.join(", ", o.lines().stream().map(l -> l.quantity() + " x " + l.name()).toList()));
        s.append(". Total ").append(euros.format(java.math.BigDecimal.valueOf(o.total().minor(), euros.getMaximumFractionDigits()))).append(", paid in cash on delivery to ")
                .append(o.shipTo().name()).append(", ").append(o.shipTo().line1()).append(", ").append(o.shipTo().city()).append('.');
        return s.toString();
    }
}
