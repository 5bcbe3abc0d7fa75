package shop.verdant.application.admin.port;

/** A merchant's products as suspension changes them: out of the shop and back, each product once. */
public interface MerchantListings {
    /** Every ACTIVE product of the merchant becomes SUSPENDED; answers how many moved (none the second time). */
    int suspend(String merchantId);

    /** Every SUSPENDED product of the merchant becomes ACTIVE again; answers how many moved. */
    int reinstate(String merchantId);
}
