package shop.verdant.application.admin.port;

import java.util.List;
import java.util.Optional;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/** Orders as admins look them up: by id, by the customer's email, or the newest (of a status, or disputed). */
public interface OrderLookup {
    Optional<Order> find(String orderId);

    Page byEmail(String email, String cursor, int limit);

    /** Newest first, month by month back at most a year; {@code status} and {@code disputed} narrow it (null: any). */
    Page recent(OrderStatus status, boolean disputed, String cursor, int limit);

    /** The order's payments (their refunds and dispute flags), oldest first. */
    List<shop.verdant.domain.payments.Payment> payments(String orderId);

    record Page(List<Order> orders, String next) {
        public Page {
            orders = List.copyOf(orders);
        }
    }
}
