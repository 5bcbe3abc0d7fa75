package shop.verdant.domain.shopping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;

/**
 * A cart: lines in the order they were added, at most {@link Quantities#MAX_LINES}, 1–10 of each product.
 * {@code version} is the stored version this cart was read at (0 for a new one), for optimistic writes.
 * Carts are immutable: every change returns a new cart.
 */
public record Cart(String cartId, List<CartLine> lines, Instant updatedAt, long version) {

    public Cart {
        Objects.requireNonNull(cartId, "cartId");
        lines = List.copyOf(lines);
    }

    public static Cart empty(String cartId) {
        return new Cart(cartId, List.of(), null, 0);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public CartLine line(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst().orElse(null);
    }

    /** Adds {@code quantity} more of a product; the line may not exceed 10 and the cart not 50 lines. */
    public Cart add(String productId, int quantity, long priceMinor, Instant now) {
        Quantities.check(quantity, "quantity");
        Map<String, CartLine> byId = byId();
        CartLine existing = byId.get(productId);
        if (existing == null) {
            if (byId.size() >= Quantities.MAX_LINES) {
                throw new ConflictException("cart-full", "Cart is full",
                        "A cart holds at most " + Quantities.MAX_LINES + " different products.", Map.of());
            }
            byId.put(productId, new CartLine(productId, quantity, priceMinor, now));
        } else {
            int total = existing.quantity() + quantity;
            if (total > Quantities.MAX_PER_LINE) {
                throw ValidationException.of("quantity", "The cart already holds " + existing.quantity()
                        + "; at most " + Quantities.MAX_PER_LINE + " of a product fit in one cart.");
            }
            byId.put(productId, new CartLine(productId, total, priceMinor, existing.addedAt()));
        }
        return new Cart(cartId, List.copyOf(byId.values()), now, version);
    }

    /** Sets a line's quantity; the product must be in the cart. */
    public Cart set(String productId, int quantity, long priceMinor, Instant now) {
        Quantities.check(quantity, "quantity");
        Map<String, CartLine> byId = byId();
        CartLine existing = byId.get(productId);
        if (existing == null) {
            throw new NotFoundException("Product " + productId + " is not in the cart.");
        }
        byId.put(productId, new CartLine(productId, quantity, priceMinor, existing.addedAt()));
        return new Cart(cartId, List.copyOf(byId.values()), now, version);
    }

    /** Removes a product; removing one that is not there changes nothing (DELETE is idempotent). */
    public Cart remove(String productId, Instant now) {
        List<CartLine> kept = lines.stream().filter(l -> !l.productId().equals(productId)).toList();
        return kept.size() == lines.size() ? this : new Cart(cartId, kept, now, version);
    }

    public Cart removeAll(java.util.Collection<String> productIds, Instant now) {
        List<CartLine> kept = lines.stream().filter(l -> !productIds.contains(l.productId())).toList();
        return kept.size() == lines.size() ? this : new Cart(cartId, kept, now, version);
    }

    /** Replaces every line (PUT); the new lines obey the same limits, a product at most once. */
    public Cart replace(List<CartLine> newLines, Instant now) {
        if (newLines.size() > Quantities.MAX_LINES) {
            throw ValidationException.of("lines", "At most " + Quantities.MAX_LINES + " lines.");
        }
        Map<String, CartLine> byId = new LinkedHashMap<>();
        for (int i = 0; i < newLines.size(); i++) {
            CartLine l = newLines.get(i);
            Quantities.check(l.quantity(), "lines[" + i + "].quantity");
            if (byId.put(l.productId(), l) != null) {
                throw ValidationException.of("lines[" + i + "].productId", "Appears more than once.");
            }
        }
        return new Cart(cartId, List.copyOf(byId.values()), now, version);
    }

    /**
     * Merges another cart into this one: quantities of the same product add up, capped at 10; products
     * new to this cart are appended while there is room for them (50 lines). Returns the merged cart.
     */
    public Cart mergeFrom(Cart other, Instant now) {
        Map<String, CartLine> byId = byId();
        for (CartLine l : other.lines()) {
            CartLine mine = byId.get(l.productId());
            if (mine != null) {
                byId.put(l.productId(), new CartLine(l.productId(),
                        Math.min(Quantities.MAX_PER_LINE, mine.quantity() + l.quantity()), mine.seenPriceMinor(), mine.addedAt()));
            } else if (byId.size() < Quantities.MAX_LINES) {
                byId.put(l.productId(), l);
            }
        }
        return new Cart(cartId, List.copyOf(byId.values()), now, version);
    }

    private Map<String, CartLine> byId() {
        Map<String, CartLine> byId = new LinkedHashMap<>();
        for (CartLine l : lines) {
            byId.put(l.productId(), l);
        }
        return byId;
    }

    public List<String> productIds() {
        List<String> ids = new ArrayList<>();
        lines.forEach(l -> ids.add(l.productId()));
        return ids;
    }
}
