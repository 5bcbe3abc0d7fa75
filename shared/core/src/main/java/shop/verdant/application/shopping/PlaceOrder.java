package shop.verdant.application.shopping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.application.shopping.port.IdempotencyRecord;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.shopping.ShippingRates;
import shop.verdant.domain.shopping.Pricing;
import shop.verdant.domain.shopping.Quantities;

/**
 * Places an order (DESIGN "Order and stock rules"): reprices every line from the catalog, sums quantities
 * per product, and writes the order, the stock reservations and the Idempotency-Key in one transaction.
 * A retry with the same key and request gets the first answer again; the same key with another request
 * is a 422.
 */
public final class PlaceOrder {
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    /**
     * The order placed, or, for a retry with the same key and request, the order exactly as that first request
     * placed it (a snapshot kept with the key, so a replay renders the same answer even after the order moved on).
     */
    public record Outcome(Order order, boolean replayed, boolean cartCleared) {
    }

    private final OrderStore store;
    private final ProductRepository products;
    private final CartClearing carts;

    /** What becomes of the customer's cart once their order is placed: the ordered products leave it. */
    @FunctionalInterface
    public interface CartClearing {
        /** False when the cart could not be cleared (the order stands). */
        boolean removeOrdered(String customerId, List<String> productIds);

        /** For orders placed for customers, never by them (the call centre's): their cart is theirs. */
        CartClearing NONE = (customerId, productIds) -> true;
    }
    private final Clock clock;
    private final Supplier<String> newId;
    private final Supplier<Duration> reservation;
    private final ShippingRates shipping;

    public PlaceOrder(OrderStore store, ProductRepository products, Carts carts, Clock clock, Supplier<String> newId,
                      Supplier<Duration> reservation, ShippingRates shipping) {
        this(store, products, (CartClearing) carts::removeOrdered, clock, newId, reservation, shipping);
    }

    public PlaceOrder(OrderStore store, ProductRepository products, CartClearing carts, Clock clock, Supplier<String> newId,
                      Supplier<Duration> reservation, ShippingRates shipping) {
        this.shipping = shipping;
        this.store = store;
        this.products = products;
        this.carts = carts;
        this.clock = clock;
        this.newId = newId;
        this.reservation = reservation;
    }

    public Outcome place(String customerId, String idempotencyKey, PlaceOrderCommand command) {
        return place(customerId, idempotencyKey, command, null);
    }

    /**
     * {@code visitorId}: the tracking id of the browser placing it, kept on the order (when it is an id at all) so
     * the Orders stream's order_paid joins that visitor's funnel; it is not part of what the key's request means.
     */
    public Outcome place(String customerId, String idempotencyKey, PlaceOrderCommand command, String visitorId) {
        return place(customerId, idempotencyKey, command, visitorId, null);
    }

    /** {@code contactEmail}: the signed-in customer's address, kept on the order for its notifications. */
    public Outcome place(String customerId, String idempotencyKey, PlaceOrderCommand command, String visitorId,
                         String contactEmail) {
        return place(customerId, idempotencyKey, command, visitorId, contactEmail, null);
    }

    /**
     * {@code placedBy}: who places it for the customer ({@code agent:<sub>}, on the phone; the call centre's PlaceOrder
     * clears no cart), whose key it is (two agents' keys never meet).
     */
    public Outcome place(String customerId, String idempotencyKey, PlaceOrderCommand command, String visitorId,
                         String contactEmail, String placedBy) {
        shop.verdant.domain.common.RequestIds.idempotencyKey(idempotencyKey, "order");
        String key = (placedBy == null ? customerId : placedBy + "#" + customerId) + "#" + idempotencyKey;
        String fingerprint = command.fingerprint();
        Optional<IdempotencyRecord> seen = store.findIdempotency(key);
        if (seen.isPresent()) {
            return replay(seen.get(), fingerprint);
        }

        Map<String, Integer> wanted = validate(command);
        var shipTo = command.shipTo().validated("shipTo");
        Map<String, Product> found = products.findMany(wanted.keySet());
        List<FieldError> unknown = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        int i = 0;
        for (PlaceOrderCommand.Line l : command.lines()) {
            Product p = found.get(l.productId());
            if (p == null) {
                unknown.add(new FieldError("lines[" + i + "].productId", "No such product."));
            } else if (!p.isVisibleToShoppers()) {
                unavailable.add(p.productId());
            }
            i++;
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        if (!unavailable.isEmpty()) {
            throw new ConflictException("product-unavailable", "Product unavailable",
                    "Some products are no longer sold: " + String.join(", ", unavailable) + ".",
                    Map.of("productIds", unavailable));
        }
        List<Pricing.Wanted> toPrice = new ArrayList<>();
        wanted.forEach((id, q) -> toPrice.add(new Pricing.Wanted(id, found.get(id).price(), q)));
        Pricing.Priced priced;
        try {
            priced = Pricing.price(toPrice);
        } catch (Pricing.MixedCurrencies e) {
            throw new UnprocessableException("currency-mismatch", "Mixed currencies",
                    "An order is paid in one currency; these products are priced in several.");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Pricing.Line l : priced.lines()) {
            Product p = found.get(l.productId());
            lines.add(new OrderLine(p.productId(), p.sku(), p.name(), p.merchantId(), l.unitPrice().minor(), l.quantity(),
                    l.total().minor()));
        }
        Instant now = clock.instant();
        OrderTotals totals = OrderTotals.of(priced.subtotal(), shipTo.destination(), shipping);
        Order order = new Order(newId.get(), customerId, lines, totals, OrderStatus.PENDING_PAYMENT,
                shipTo, now, now.plus(reservation.get()), now, null,
                shop.verdant.domain.tracking.BehaviourEvent.isId(visitorId) ? visitorId : null, contactEmail, placedBy);
        IdempotencyRecord record = new IdempotencyRecord(key, fingerprint, order, now, now.plus(KEY_LIFETIME));
        try {
            store.place(order, record);
        } catch (OrderStore.KeyTaken raced) {
            return replay(store.findIdempotency(key).orElseThrow(() -> new ConflictException(
                    "The same Idempotency-Key is being used by another request right now; retry.")), fingerprint);
        } catch (OrderStore.StockShortage e) {
            throw new ConflictException("insufficient-stock", "Not enough stock",
                    "Not enough stock for " + String.join(", ", e.skus()) + ". Nothing was ordered.",
                    Map.of("skus", e.skus()));
        } catch (OrderStore.CatalogChanged e) {
            throw new ConflictException("catalog-changed", "Prices or availability changed",
                    "Some products changed while the order was placed; review the cart and order again.",
                    Map.of("productIds", e.productIds()));
        }
        boolean cleared = carts.removeOrdered(customerId, lines.stream().map(OrderLine::productId).toList());
        return new Outcome(order, false, cleared);
    }

    /**
     * What {@link #place} refuses before reading anything (the key, the lines, the address), for callers that must know
     * before they act on someone's behalf (the call centre signs a caller up only for an order that can be placed).
     */
    public static void check(String idempotencyKey, PlaceOrderCommand command) {
        shop.verdant.domain.common.RequestIds.idempotencyKey(idempotencyKey, "order");
        validate(command);
        command.shipTo().validated("shipTo");
    }

    private static Outcome replay(IdempotencyRecord record, String fingerprint) {
        if (!record.requestFingerprint().equals(fingerprint)) {
            throw new UnprocessableException("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new order.");
        }
        return new Outcome(record.order(), true, true);
    }

    /** Lines present, 1–50, quantities 1–10, and per product (after summing) at most 10. */
    private static Map<String, Integer> validate(PlaceOrderCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.shipTo() == null) {
            errors.add(new FieldError("shipTo", "Is required."));
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            errors.add(new FieldError("lines", "At least one line is required."));
            throw new ValidationException(errors);
        }
        if (command.lines().size() > Quantities.MAX_LINES) {
            errors.add(new FieldError("lines", "At most " + Quantities.MAX_LINES + " lines."));
            throw new ValidationException(errors);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < command.lines().size(); i++) {
            PlaceOrderCommand.Line l = command.lines().get(i);
            try {
                if (l == null) {
                    throw ValidationException.of("lines[" + i + "]", "Is required.");
                }
                Quantities.checkProductId(l.productId(), "lines[" + i + "].productId");
                int q = Quantities.check(l.quantity(), "lines[" + i + "].quantity");
                int sum = wanted.merge(l.productId(), q, Integer::sum);
                if (sum > Quantities.MAX_PER_LINE) {
                    throw ValidationException.of("lines[" + i + "].quantity",
                            "At most " + Quantities.MAX_PER_LINE + " of one product per order.");
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return wanted;
    }
}
