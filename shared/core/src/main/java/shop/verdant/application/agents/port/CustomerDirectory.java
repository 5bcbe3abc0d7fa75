package shop.verdant.application.agents.port;

import java.util.List;
import java.util.Optional;

/** The shop's customers as the call centre finds and signs them up: the user pool's members of {@code customers}. */
public interface CustomerDirectory {
    /** A customer as an agent may see them: no password, no payment data (the shop keeps none). */
    record Customer(String customerId, String name, String email, String phone) {
    }

    List<Customer> byEmail(String email);

    List<Customer> byPhone(String phone);

    Optional<Customer> get(String customerId);

    /**
     * Signs a customer up without a password (they claim the account later, by "forgot password" with their email),
     * in {@code customers}; answers them as stored.
     */
    Customer create(String name, String email, String phone);
}
