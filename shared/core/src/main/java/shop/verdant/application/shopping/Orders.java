package shop.verdant.application.shopping;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * A customer's orders: list, read, cancel; and the sweep that expires unpaid ones. Another customer's
 * order is "not found", exactly like one that does not exist.
 */
public final class Orders {
    private final OrderStore store;
    private final Clock clock;

    public Orders(OrderStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public OrderStore.Page list(String customerId, String cursor, Integer limit) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 100) {
            throw ValidationException.of("limit", "Must be between 1 and 100.");
        }
        if (cursor != null && cursor.length() > 1000) {
            throw ValidationException.of("cursor", "Is not a cursor this API issued.");
        }
        return store.listByCustomer(customerId, cursor, n);
    }

    public Order get(String customerId, String orderId) {
        checkId(orderId);
        return store.find(orderId).filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("No such order."));
    }

    /** An order with its shipments, for its page. */
    public record Details(Order order, List<shop.verdant.domain.shopping.Shipment> shipments) {
    }

    public Details details(String customerId, String orderId) {
        Order order = get(customerId, orderId);
        return new Details(order, order.status().isSold() ? store.shipments(orderId) : List.of());
    }

    /** Cancels an unpaid order and gives its stock back; a paid, expired or cancelled one answers 409. */
    public Order cancel(String customerId, String orderId) {
        Order order = get(customerId, orderId);
        Instant now = clock.instant();
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        if (!order.status().holdsReservation() || !store.release(order, OrderStatus.CANCELLED, now)) {
            Order current = get(customerId, orderId);
            if (current.status() == OrderStatus.CANCELLED) {
                return current;
            }
            throw new ConflictException("order-not-cancellable", "Order cannot be cancelled",
                    "The order is " + current.status() + "; only an unpaid order can be cancelled.", java.util.Map.of());
        }
        return order.withStatus(OrderStatus.CANCELLED, now);
    }

    /**
     * Expires every unpaid order whose reservation has ended (up to {@code limit} per run). Each release is
     * guarded on PENDING_PAYMENT, so racing a payment, a cancel or another sweeper releases at most once.
     * Answers how many this run expired.
     */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        List<String> due = store.dueForExpiry(now, limit);
        for (String id : due) {
            Order order = store.find(id).orElse(null);
            if (order != null && order.isDue(now) && store.release(order, OrderStatus.EXPIRED, now)) {
                expired++;
            }
        }
        return expired;
    }

    static void checkId(String orderId) {
        shop.verdant.domain.common.RequestIds.orderId(orderId);
    }
}
