package shop.verdant.application.shopping;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.application.shopping.port.CartRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Cart;
import shop.verdant.domain.shopping.Pricing;
import shop.verdant.domain.shopping.CartLine;
import shop.verdant.domain.shopping.Quantities;

/**
 * The cart use cases. Every answer is the cart repriced from the catalog as it is now; a client's price
 * is never read. Writes are optimistic (the stored version must not have moved) and retried on a lost race.
 */
public final class Carts {
    private static final int ATTEMPTS = 5;

    private final CartRepository carts;
    private final ProductRepository products;
    private final Clock clock;
    private final CartTokens tokens;

    public Carts(CartRepository carts, ProductRepository products, Clock clock, CartTokens tokens) {
        this.carts = carts;
        this.products = products;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** A visitor, by the {@code X-Cart-Token} they sent: a token this shop did not issue names no cart. */
    public CartOwner visitor(String token) {
        return CartOwner.visitor(tokens.verified(token));
    }

    public CartView view(CartOwner owner) {
        if (!owner.hasCart()) {
            return render(owner, Cart.empty("none"));
        }
        return render(owner, carts.find(owner.cartId()).orElse(Cart.empty(owner.cartId())));
    }

    /** Adds to the cart; a visitor without a cart gets a new one (and its token in the answer). */
    public CartView add(CartOwner owner, String productId, Integer quantity) {
        Quantities.checkProductId(productId, "productId");
        int q = Quantities.check(quantity, "quantity");
        Product p = shoppable(productId);
        if (p.stockAvailable() <= 0) {
            throw new ConflictException("out-of-stock", "Out of stock",
                    p.name() + " is out of stock; nothing was added to the cart.", Map.of("productId", productId));
        }
        CartOwner o = owner.hasCart() ? owner : owner.withToken(tokens.issue());
        boolean[] capped = {false};
        CartView view = update(o, cart -> {
            CartLine line = cart.line(productId);
            int have = line == null ? 0 : line.quantity();
            // more than the shelf holds: the line takes what there is and says so
            int allowed = (int) Math.min(q, Math.max(0, p.stockAvailable() - have));
            capped[0] = allowed < q;
            return allowed == 0 ? cart : cart.add(productId, allowed, p.price().minor(), clock.instant());
        });
        return capped[0] ? view.withWarning(productId, CartView.Warning.CAPPED) : view;
    }

    public CartView setQuantity(CartOwner owner, String productId, Integer quantity) {
        Quantities.checkProductId(productId, "productId");
        int q = Quantities.check(quantity, "quantity");
        if (!owner.hasCart()) {
            throw new NotFoundException("Product " + productId + " is not in the cart.");
        }
        Product p = products.find(productId).orElse(null);
        // more than the shelf holds (but some): the line takes what there is and says so
        int allowed = p != null && p.stockAvailable() > 0 ? (int) Math.min(q, p.stockAvailable()) : q;
        CartView view = update(owner, cart -> {
            CartLine line = cart.line(productId);
            long seen = p != null ? p.price().minor() : line == null ? 0 : line.seenPriceMinor();
            return cart.set(productId, allowed, seen, clock.instant());
        });
        return allowed < q ? view.withWarning(productId, CartView.Warning.CAPPED) : view;
    }

    public CartView remove(CartOwner owner, String productId) {
        Quantities.checkProductId(productId, "productId");
        if (!owner.hasCart()) {
            return view(owner);
        }
        return update(owner, cart -> cart.remove(productId, clock.instant()));
    }

    public record Wanted(String productId, Integer quantity) {
    }

    /** Replaces every line; each product must exist and be on sale. */
    public CartView replace(CartOwner owner, List<Wanted> wanted) {
        if (wanted == null) {
            throw shop.verdant.domain.common.ValidationException.of("lines", "Is required.");
        }
        if (wanted.size() > Quantities.MAX_LINES) {
            throw shop.verdant.domain.common.ValidationException.of("lines", "At most " + Quantities.MAX_LINES + " lines.");
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i) == null) {
                throw shop.verdant.domain.common.ValidationException.of("lines[" + i + "]", "Is required.");
            }
            Quantities.checkProductId(wanted.get(i).productId(), "lines[" + i + "].productId");
            Quantities.check(wanted.get(i).quantity(), "lines[" + i + "].quantity");
        }
        Map<String, Product> found = products.findMany(wanted.stream().map(Wanted::productId).distinct().toList());
        Instant now = clock.instant();
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Product p = found.get(wanted.get(i).productId());
            if (p == null || !p.isVisibleToShoppers()) {
                throw shop.verdant.domain.common.ValidationException.of("lines[" + i + "].productId", "No such product on sale.");
            }
            lines.add(new CartLine(p.productId(), wanted.get(i).quantity(), p.price().minor(), now));
        }
        CartOwner o = owner.hasCart() ? owner : owner.withToken(tokens.issue());
        return update(o, cart -> cart.replace(lines, now));
    }

    /**
     * Moves a visitor's cart into the signed-in user's: quantities add up (capped at 10), new products are
     * appended while there is room. The visitor cart is deleted in the same transaction as the merged cart is
     * written, so racing merges (two tabs signing in) merge it exactly once.
     */
    public CartView merge(String userSub, String visitorToken) {
        CartOwner user = CartOwner.user(userSub);
        if (visitorToken == null) {
            throw shop.verdant.domain.common.ValidationException.of("X-Cart-Token", "Is required: the visitor cart to merge.");
        }
        CartOwner visitor = visitor(visitorToken);
        if (!visitor.hasCart()) {
            // a token this shop did not issue names no cart: there is nothing to merge
            return view(user);
        }
        for (int attempt = 1; ; attempt++) {
            Cart anonymous = carts.find(visitor.cartId()).orElse(null);
            if (anonymous == null) {
                return view(user);
            }
            Cart current = carts.find(user.cartId()).orElse(Cart.empty(user.cartId()));
            Cart merged = current.mergeFrom(anonymous, clock.instant());
            Map<String, Product> found = priced(merged);
            try {
                carts.saveConsuming(merged, clock.instant().plus(user.lifetime()), anonymous);
                return render(user, new Cart(merged.cartId(), merged.lines(), merged.updatedAt(), merged.version() + 1), found);
            } catch (ConflictException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * After an order: the ordered products leave the customer's cart. Best effort: the order stands either
     * way, so a failure is answered (false), not thrown, for the caller to log.
     */
    public boolean removeOrdered(String userSub, List<String> productIds) {
        CartOwner user = CartOwner.user(userSub);
        try {
            update(user, cart -> cart.removeAll(productIds, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private CartView update(CartOwner owner, UnaryOperator<Cart> change) {
        for (int attempt = 1; ; attempt++) {
            Cart current = carts.find(owner.cartId()).orElse(Cart.empty(owner.cartId()));
            Cart next = change.apply(current);
            if (next == current) {
                return render(owner, current);
            }
            Map<String, Product> found = priced(next);
            try {
                carts.save(next, clock.instant().plus(owner.lifetime()));
                return render(owner, new Cart(next.cartId(), next.lines(), next.updatedAt(), next.version() + 1), found);
            } catch (ConflictException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Product shoppable(String productId) {
        Product p = products.find(productId).orElse(null);
        if (p == null || !p.isVisibleToShoppers()) {
            throw new NotFoundException("No product " + productId + " is on sale.");
        }
        return p;
    }

    /**
     * The cart's products as they are now (one batch read), refusing a cart that would mix currencies. The
     * same read prices the answer, so a write costs one product read, not two.
     */
    private Map<String, Product> priced(Cart cart) {
        Map<String, Product> found = cart.isEmpty() ? Map.of() : products.findMany(cart.productIds());
        price(cart, found);
        return found;
    }

    /** The shoppable lines priced by {@link Pricing}, the one rule carts and orders share. */
    private static Pricing.Priced price(Cart cart, Map<String, Product> found) {
        List<Pricing.Wanted> wanted = new ArrayList<>();
        for (CartLine l : cart.lines()) {
            Product p = found.get(l.productId());
            if (p != null && p.isVisibleToShoppers()) {
                wanted.add(new Pricing.Wanted(p.productId(), p.price(), l.quantity()));
            }
        }
        try {
            return Pricing.price(wanted);
        } catch (Pricing.MixedCurrencies e) {
            throw new ConflictException("currency-mismatch", "Mixed currencies",
                    "A cart holds products of one currency.", Map.of());
        }
    }

    CartView render(CartOwner owner, Cart cart) {
        return render(owner, cart, cart.isEmpty() ? Map.of() : products.findMany(cart.productIds()));
    }

    private CartView render(CartOwner owner, Cart cart, Map<String, Product> found) {
        Pricing.Priced priced = price(cart, found);
        Map<String, Pricing.Line> pricedById = new java.util.HashMap<>();
        priced.lines().forEach(l -> pricedById.put(l.productId(), l));
        List<CartView.Line> lines = new ArrayList<>();
        int items = 0;
        boolean orderable = !cart.isEmpty();
        for (CartLine l : cart.lines()) {
            Product p = found.get(l.productId());
            Pricing.Line line = pricedById.get(l.productId());
            List<CartView.Warning> warnings = new ArrayList<>();
            if (line == null) {
                warnings.add(CartView.Warning.UNAVAILABLE);
                lines.add(new CartView.Line(l.productId(), p, l.quantity(), 0, 0, 0, null, warnings));
                orderable = false;
                continue;
            }
            Long previous = null;
            if (l.seenPriceMinor() != line.unitPrice().minor()) {
                warnings.add(CartView.Warning.PRICE_CHANGED);
                previous = l.seenPriceMinor();
            }
            if (p.stockAvailable() <= 0) {
                warnings.add(CartView.Warning.OUT_OF_STOCK);
                orderable = false;
            } else if (p.stockAvailable() < l.quantity()) {
                warnings.add(CartView.Warning.LOW_STOCK);
                orderable = false;
            }
            items += l.quantity();
            lines.add(new CartView.Line(l.productId(), p, l.quantity(), line.unitPrice().minor(), line.total().minor(),
                    p.stockAvailable(), previous, warnings));
        }
        Money subtotal = priced.subtotal();
        return new CartView(owner.signedIn() ? null : owner.token(), lines, subtotal == null ? 0 : subtotal.minor(),
                subtotal == null ? null : subtotal.currency(), items, orderable);
    }
}
