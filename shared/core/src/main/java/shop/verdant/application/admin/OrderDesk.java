package shop.verdant.application.admin;

import java.util.List;
import java.util.Locale;
import shop.verdant.application.admin.port.OrderLookup;
import shop.verdant.domain.agents.CallerDetails;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * The admins' order desk: find an order by its id, the customer's email, or its status (DISPUTED: those the webhook
 * flagged), and see one with its payments (their refunds and disputes); the refund itself is the payments' route.
 */
public final class OrderDesk {
    private final OrderLookup orders;

    public OrderDesk(OrderLookup orders) {
        this.orders = orders;
    }

    public OrderLookup.Page find(String id, String email, String status, String cursor, Integer limit) {
        int n = limit == null ? 25 : limit;
        if (n < 1 || n > 100) {
            throw ValidationException.of("limit", "1 to 100.");
        }
        if (id != null && !id.isBlank()) {
            String orderId = shop.verdant.domain.common.RequestIds.orderId(id.strip().toLowerCase(Locale.ROOT));
            return new OrderLookup.Page(orders.find(orderId).map(List::of).orElse(List.of()), null);
        }
        if (email != null && !email.isBlank()) {
            String address = CallerDetails.email(email);
            if (address == null) {
                throw ValidationException.of("email", "An email address.");
            }
            return orders.byEmail(address, cursor, n);
        }
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s == null || s.equals("DISPUTED")) {
            return orders.recent(null, s != null, cursor, n);
        }
        try {
            return orders.recent(OrderStatus.valueOf(s), false, cursor, n);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "One of " + java.util.Arrays.toString(OrderStatus.values()) + " or DISPUTED.");
        }
    }

    /** One order with its payments. */
    public record Detail(Order order, List<Payment> payments) {
    }

    public Detail detail(String orderId) {
        String id = orderId == null ? null : orderId.strip().toLowerCase(Locale.ROOT);
        try {
            shop.verdant.domain.common.RequestIds.orderId(id);
        } catch (ValidationException notAnId) {
            throw new NotFoundException("No order " + orderId + ".");
        }
        Order order = orders.find(id)
                .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
        return new Detail(order, orders.payments(order.orderId()));
    }
}
