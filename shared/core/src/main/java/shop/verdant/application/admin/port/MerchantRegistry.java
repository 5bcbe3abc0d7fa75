package shop.verdant.application.admin.port;

import java.util.List;
import shop.verdant.domain.admin.MerchantAccount;

/** The Merchants table. */
public interface MerchantRegistry {
    /** Writes the merchant if its id is new; answers the stored one (the same, or the one that was there). */
    MerchantAccount createIfAbsent(MerchantAccount merchant);

    /** Merchants with this status, newest first. */
    List<MerchantAccount> list(String status, int limit);

    java.util.Optional<MerchantAccount> find(String merchantId);

    /**
     * Sets the merchant's status (and the reason, null to clear it) if it is {@code from}; false when it was not (already
     * moved, or another status). A 404 for a merchant not on the table.
     */
    boolean moveStatus(String merchantId, String from, String to, String reason, java.time.Instant at, String actor);
}
