package shop.verdant.application.admin.port;

/** The staff pool as admins change who is a merchant. */
public interface MerchantOnboarding extends StaffPool {
    /** Sets the user's {@code custom:merchantId} and adds them to {@code merchants}; doing it twice changes nothing. */
    void makeMerchant(String username, String merchantId);
}
