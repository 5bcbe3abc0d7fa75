package shop.verdant.domain.shopping;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import shop.verdant.domain.common.Money;

/**
 * An order: priced lines (one per product, quantities already summed), its totals, and where it stands.
 * While PENDING_PAYMENT it holds a stock reservation until {@code expiresAt}. {@code visitorId} is the anonymous
 * visitor id of the browser that placed it (null when none was sent), so that the Orders stream's order_paid joins
 * the visitor's funnel. {@code contactEmail}: where the customer hears about the order (the signed-in account's email
 * when it was placed; null when unknown), so notifications need no look-up in the user pool. {@code placedBy}: who
 * placed it for the customer (a call-centre agent, {@code agent:<sub>}); null when the customer placed it.
 */
public record Order(String orderId, String customerId, List<OrderLine> lines, OrderTotals totals, OrderStatus status,
                    Address shipTo, Instant createdAt, Instant expiresAt, Instant updatedAt, OrderPayment payment,
                    String visitorId, String contactEmail, String placedBy) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
    }

    /** An order the customer placed. */
    public Order(String orderId, String customerId, List<OrderLine> lines, OrderTotals totals, OrderStatus status,
                 Address shipTo, Instant createdAt, Instant expiresAt, Instant updatedAt, OrderPayment payment, String visitorId,
                 String contactEmail) {
        this(orderId, customerId, lines, totals, status, shipTo, createdAt, expiresAt, updatedAt, payment, visitorId, contactEmail, null);
    }

    public Order(String orderId, String customerId, List<OrderLine> lines, OrderTotals totals, OrderStatus status,
                 Address shipTo, Instant createdAt, Instant expiresAt, Instant updatedAt, OrderPayment payment, String visitorId) {
        this(orderId, customerId, lines, totals, status, shipTo, createdAt, expiresAt, updatedAt, payment, visitorId, null);
    }

    /** An order placed without a tracked visit. */
    public Order(String orderId, String customerId, List<OrderLine> lines, OrderTotals totals, OrderStatus status,
                 Address shipTo, Instant createdAt, Instant expiresAt, Instant updatedAt, OrderPayment payment) {
        this(orderId, customerId, lines, totals, status, shipTo, createdAt, expiresAt, updatedAt, payment, null);
    }

    /** What the customer is charged. */
    public Money total() {
        return totals.total();
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /** Whether it can still be paid: unpaid and its reservation not yet over. */
    public boolean isPayable(Instant now) {
        return status.holdsReservation() && expiresAt != null && expiresAt.isAfter(now);
    }

    public boolean isDue(Instant now) {
        return status.holdsReservation() && expiresAt != null && !expiresAt.isAfter(now);
    }

    public Order withStatus(OrderStatus next, Instant at) {
        return new Order(orderId, customerId, lines, totals, next, shipTo, createdAt, expiresAt, at, payment, visitorId,
                contactEmail, placedBy);
    }

    public Order withPayment(OrderPayment paidBy) {
        return new Order(orderId, customerId, lines, totals, status, shipTo, createdAt, expiresAt, updatedAt, paidBy, visitorId,
                contactEmail, placedBy);
    }
}
