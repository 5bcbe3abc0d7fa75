package shop.verdant.application.shopping.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * Orders and the stock they hold. Every method that moves stock does it in one transaction with the
 * order's status change, guarded on the status it leaves, so concurrent callers cannot both win.
 */
public interface OrderStore {

    /** Not enough stock for these SKUs (the whole order was refused; nothing was written). */
    final class StockShortage extends RuntimeException {
        private final List<String> skus;

        public StockShortage(List<String> skus) {
            super("insufficient stock: " + skus);
            this.skus = List.copyOf(skus);
        }

        public List<String> skus() {
            return skus;
        }
    }

    /** A product's price or status changed since it was read (nothing was written). */
    final class CatalogChanged extends RuntimeException {
        private final List<String> productIds;

        public CatalogChanged(List<String> productIds) {
            super("changed: " + productIds);
            this.productIds = List.copyOf(productIds);
        }

        public List<String> productIds() {
            return productIds;
        }
    }

    /** The idempotency key was recorded by another request in the meantime (nothing was written). */
    final class KeyTaken extends RuntimeException {
        public KeyTaken() {
            super("idempotency key taken");
        }
    }

    /**
     * In one transaction: the order (PENDING_PAYMENT), for each line {@code stockAvailable -= q,
     * stockReserved += q} guarded by {@code stockAvailable >= q} and the price and status it was priced at,
     * and the idempotency record. Throws {@link StockShortage}, {@link CatalogChanged} or {@link KeyTaken}.
     */
    void place(Order order, IdempotencyRecord idempotency);

    Optional<IdempotencyRecord> findIdempotency(String key);

    Optional<Order> find(String orderId);

    record Page(List<Order> orders, String nextCursor) {
    }

    /** A customer's orders, newest first. {@code cursor} is one this store issued for the same customer. */
    Page listByCustomer(String customerId, String cursor, int limit);

    /**
     * PENDING_PAYMENT → {@code to} (CANCELLED or EXPIRED), giving each line's reserved stock back; does
     * nothing and answers false when the order is no longer PENDING_PAYMENT (someone else moved it).
     */
    boolean release(Order order, OrderStatus to, Instant at);

    /** PENDING_PAYMENT → PAID, reserved stock becomes sold; false when the order had left PENDING_PAYMENT. */
    boolean markPaid(Order order, Instant at);

    /** The order's shipments, one per merchant (none until it is sold). */
    List<shop.verdant.domain.shopping.Shipment> shipments(String orderId);

    /** Ids of unpaid orders whose reservation ended at or before {@code now}, at most {@code limit}. */
    List<String> dueForExpiry(Instant now, int limit);
}
