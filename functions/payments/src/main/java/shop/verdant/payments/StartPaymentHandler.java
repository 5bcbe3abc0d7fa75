package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/orders/{id}/payments {provider}: the owner opens a payment of the order's total. Stripe: the
 * PaymentIntent's client secret and the publishable key for the browser; a retry answers the same intent.
 * Cash on delivery: the order confirmed.
 */
public final class StartPaymentHandler extends PaymentsHandler {

    public StartPaymentHandler() {
        this(PaymentsWiring.SERVICES);
    }

    public StartPaymentHandler(Supplier<PaymentsWiring.Services> services) {
        super(services);
    }

    record Body(String provider) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        Payments.Started started;
        try {
            started = services().payments().start(request.requirePrincipal().sub(), request.pathParameter("id"),
                    body.provider(), request.header("Idempotency-Key"));
        } catch (PaymentProvider.Unavailable e) {
            return providerUnavailable(request, e, "The payment could not be started just now; nothing was charged. Try again in a moment.");
        }
        if (!started.replayed()) {
            metrics().count("PaymentsStarted");
        }
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(started.replayed() ? 200 : 201,
                PaymentViews.started(started));
        if (started.replayed()) {
            response.getHeaders().put("Idempotent-Replayed", "true");
        }
        return response;
    }
}
