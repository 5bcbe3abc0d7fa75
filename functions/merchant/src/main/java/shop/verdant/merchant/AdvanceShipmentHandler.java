package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.Json;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** PATCH /api/merchant/shipments/{orderId} {status, carrier?, trackingNumber?}: the caller's parcel of the order, one step on. */
public final class AdvanceShipmentHandler extends MerchantHandler {
    public AdvanceShipmentHandler() {
        super(MerchantWiring.SERVICES);
    }

    public AdvanceShipmentHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    record Body(String status, String carrier, String trackingNumber) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var shipment = services().shipments().advance(merchantId(request), actor(request), request.pathParameter("orderId"),
                body.status(), body.carrier(), body.trackingNumber());
        return ApiResponse.privateJson(200, MerchantViews.shipment(shipment));
    }
}
