package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Log;
import shop.verdant.http.Metrics;
import shop.verdant.http.Problem;

/** What the payments routes share: their services, their metrics, and the answer when the provider is down. */
abstract class PaymentsHandler extends ApiHandler {
    private final Supplier<PaymentsWiring.Services> services;

    PaymentsHandler(Supplier<PaymentsWiring.Services> services) {
        this.services = services;
    }

    PaymentsWiring.Services services() {
        return services.get();
    }

    @Override
    protected Metrics metrics() {
        return PaymentsWiring.METRICS;
    }

    /** The provider is down or slow: nothing was recorded, so the same request may simply be sent again (503). */
    APIGatewayProxyResponseEvent providerUnavailable(ApiRequest request, PaymentProvider.Unavailable e, String detail) {
        Log.warn("payment provider unavailable", e);
        metrics().count("PaymentProviderUnavailable");
        return ApiResponse.problem(Problem.of("payment-provider-unavailable", "Payment provider unavailable", 503, detail,
                request.requestId()));
    }
}
