package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.http.Metrics;
import shop.verdant.http.Problem;

/**
 * POST /api/orders/{id}/payments {provider}: the owner opens a payment of the order's total. Stripe: the
 * PaymentIntent's client secret and the publishable key for the browser; a retry answers the same intent.
 * Cash on delivery: the order confirmed.
 */
public final class StartPaymentHandler extends ApiHandler {
    private final Supplier<PaymentsWiring.Services> services;

    public StartPaymentHandler() {
        this(PaymentsWiring.SERVICES);
    }

    public StartPaymentHandler(Supplier<PaymentsWiring.Services> services) {
        this.services = services;
    }

    record Body(String provider) {
    }

    @Override
    protected Metrics metrics() {
        return PaymentsWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        Payments.Started started;
        try {
            started = services.get().payments().start(request.requirePrincipal().sub(), request.pathParameter("id"),
                    body.provider(), request.header("Idempotency-Key"));
        } catch (PaymentProvider.Unavailable e) {
            // the provider is down or slow: nothing was recorded; the customer may simply try again
            shop.verdant.http.Log.warn("payment provider unavailable", e);
            metrics().count("PaymentProviderUnavailable");
            return ApiResponse.problem(Problem.of("payment-provider-unavailable", "Payment provider unavailable", 503,
                    "The payment could not be started just now; nothing was charged. Try again in a moment.", request.requestId()));
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
