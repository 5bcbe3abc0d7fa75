package shop.verdant.application.admin.port;

import java.util.List;
import shop.verdant.domain.admin.MerchantAccount;

/** The Merchants table. */
public interface MerchantRegistry {
    /** Writes the merchant if its id is new; answers the stored one (the same, or the one that was there). */
    MerchantAccount createIfAbsent(MerchantAccount merchant);

    /** Merchants with this status, newest first. */
    List<MerchantAccount> list(String status, int limit);
}
