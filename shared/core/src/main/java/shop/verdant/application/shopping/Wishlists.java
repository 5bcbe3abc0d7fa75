package shop.verdant.application.shopping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.application.shopping.port.WishlistRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.shopping.Quantities;

/** A signed-in customer's wishlist: products to buy later, at most 200, shown with today's price and stock. */
public final class Wishlists {
    public static final int MAX_ENTRIES = 200;

    public record Entry(String productId, Product product, java.time.Instant addedAt) {
    }

    private final WishlistRepository wishlists;
    private final ProductRepository products;
    private final Carts carts;
    private final Clock clock;

    public Wishlists(WishlistRepository wishlists, ProductRepository products, Carts carts, Clock clock) {
        this.wishlists = wishlists;
        this.products = products;
        this.carts = carts;
        this.clock = clock;
    }

    public List<Entry> list(String userSub) {
        List<WishlistRepository.Entry> entries = wishlists.list(userSub);
        Map<String, Product> found = entries.isEmpty() ? Map.of()
                : products.findMany(entries.stream().map(WishlistRepository.Entry::productId).toList());
        List<Entry> out = new ArrayList<>();
        for (WishlistRepository.Entry e : entries) {
            out.add(new Entry(e.productId(), found.get(e.productId()), e.addedAt()));
        }
        return out;
    }

    public List<Entry> add(String userSub, String productId) {
        Quantities.checkProductId(productId, "productId");
        Product p = products.find(productId).orElse(null);
        if (p == null || !p.isVisibleToShoppers()) {
            throw new NotFoundException("No product " + productId + " is on sale.");
        }
        List<WishlistRepository.Entry> entries = wishlists.list(userSub);
        boolean there = entries.stream().anyMatch(e -> e.productId().equals(productId));
        if (!there && entries.size() >= MAX_ENTRIES) {
            throw new ConflictException("wishlist-full", "Wishlist is full",
                    "A wishlist holds at most " + MAX_ENTRIES + " products.", Map.of());
        }
        if (!there) {
            wishlists.add(userSub, productId, clock.instant());
        }
        return list(userSub);
    }

    public List<Entry> remove(String userSub, String productId) {
        Quantities.checkProductId(productId, "productId");
        wishlists.remove(userSub, productId);
        return list(userSub);
    }

    /** Puts one of the product in the cart, then takes it off the wishlist. */
    public CartView moveToCart(String userSub, String productId) {
        Quantities.checkProductId(productId, "productId");
        boolean there = wishlists.list(userSub).stream().anyMatch(e -> e.productId().equals(productId));
        if (!there) {
            throw new NotFoundException("Product " + productId + " is not on the wishlist.");
        }
        CartOwner owner = CartOwner.user(userSub);
        var cart = carts.view(owner);
        boolean inCart = cart.lines().stream().anyMatch(l -> l.productId().equals(productId));
        CartView result = inCart ? cart : carts.add(owner, productId, 1);
        wishlists.remove(userSub, productId);
        return result;
    }
}
