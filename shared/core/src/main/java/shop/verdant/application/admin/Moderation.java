package shop.verdant.application.admin;

import java.time.Clock;
import java.util.Map;
import shop.verdant.application.admin.port.ModeratedListings;
import shop.verdant.domain.admin.MerchantAccount;
import shop.verdant.domain.common.NotFoundException;

/**
 * Admins take any product out of the shop: archived, with a reason its merchant reads in the back office, and which
 * keeps the merchant from publishing it again on their own.
 */
public final class Moderation {
    private final ModeratedListings listings;
    private final Clock clock;

    public Moderation(ModeratedListings listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    public Map<String, Object> archive(String productId, String reason) {
        String why = MerchantAccount.reason(reason);
        if (productId == null || !productId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new NotFoundException("No product " + productId + ".");
        }
        String merchant = listings.archive(productId, why, clock.instant())
                .orElseThrow(() -> new NotFoundException("No product " + productId + "."));
        return Map.of("productId", productId, "merchantId", merchant, "status", "ARCHIVED", "moderatedBecause", why);
    }
}
