package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.backoffice.EntityTags;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.AuthException;
import shop.verdant.http.Metrics;
import shop.verdant.http.Principal;

/**
 * What the back-office handlers share: their services, and the merchant a request acts for. The merchant id is
 * the verified token's ({@code custom:merchantId}, counted only with membership in {@code merchants}); a member of
 * {@code merchants} without one is refused, and nothing a request body says about a merchant is read.
 */
abstract class MerchantHandler extends ApiHandler {
    private final Supplier<MerchantWiring.Services> services;

    MerchantHandler(Supplier<MerchantWiring.Services> services) {
        this.services = services;
    }

    MerchantWiring.Services services() {
        return services.get();
    }

    @Override
    protected Metrics metrics() {
        return MerchantWiring.METRICS;
    }

    /** A suspended merchant's back office is read-only: every write is refused with the admins' reason. */
    @Override
    protected void admit(ApiRequest request) {
        if (route() != null && !route().method().equals("GET")) {
            services().suspensions().apply(merchantId(request)).ifPresent(m -> {
                throw AuthException.forbidden("Your shop is suspended, so the back office is read-only: " + m.suspendedBecause()
                        + " Ask the shop's admins to reinstate it.");
            });
        }
    }

    /** The caller's merchant id. */
    static String merchantId(ApiRequest request) {
        Principal p = request.requirePrincipal();
        if (p.merchantId() == null) {
            throw AuthException.forbidden("This account is in merchants but has no merchant id; ask an admin to finish setting it up.");
        }
        return p.merchantId();
    }

    /** Who acted, for the product's {@code updatedBy} and the stock movement: the user's sub. */
    static String actor(ApiRequest request) {
        return "merchant:" + request.requirePrincipal().sub();
    }

    /** A product answer with its ETag, for the next If-Match. */
    static APIGatewayProxyResponseEvent listing(int status, MerchantCatalogStore.Listing listing) {
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(status, MerchantViews.product(listing));
        response.getHeaders().put("ETag", EntityTags.of(listing.revision()));
        return response;
    }

}
