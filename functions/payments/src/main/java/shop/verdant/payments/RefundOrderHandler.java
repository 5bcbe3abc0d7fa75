package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/admin/orders/{id}/refund {amount?, reason} (admins, Idempotency-Key): refunds a paid order through
 * its provider, all that is left or {@code amount} minor units; a full refund puts unshipped stock back, once.
 */
public final class RefundOrderHandler extends PaymentsHandler {

    public RefundOrderHandler() {
        this(PaymentsWiring.SERVICES);
    }

    public RefundOrderHandler(Supplier<PaymentsWiring.Services> services) {
        super(services);
    }

    record Body(Long amount, String reason) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        Payments.Refunded refunded;
        try {
            refunded = services().payments().refund(request.pathParameter("id"), body.amount(), body.reason(),
                    request.header("Idempotency-Key"));
        } catch (PaymentProvider.Unavailable e) {
            return providerUnavailable(request, e, "The refund could not be made just now; try again with the same Idempotency-Key.");
        }
        if (!refunded.replayed()) {
            metrics().count("Refunds");
        }
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(200, PaymentViews.refunded(refunded));
        if (refunded.replayed()) {
            response.getHeaders().put("Idempotent-Replayed", "true");
        }
        return response;
    }
}
