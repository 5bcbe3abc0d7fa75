package shop.verdant.application.admin.port;

import java.util.Optional;

/** The user pool as admins change who is a merchant. */
public interface MerchantOnboarding {
    /** A user of the pool: {@code merchantId} is their {@code custom:merchantId}, null when they have none. */
    record User(String username, String sub, String email, String merchantId) {
    }

    Optional<User> byEmail(String email);

    /** Sets the user's {@code custom:merchantId} and adds them to {@code merchants}; doing it twice changes nothing. */
    void makeMerchant(String username, String merchantId);
}
