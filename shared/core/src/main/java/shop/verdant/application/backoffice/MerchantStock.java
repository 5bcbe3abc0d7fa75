package shop.verdant.application.backoffice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.domain.backoffice.StockAdjustment;
import shop.verdant.domain.backoffice.StockMovement;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;

/**
 * A merchant's stock adjustments: each moves only what is available, never below zero, never touching what pending
 * orders hold, and is recorded with its reason and actor in the same transaction. A move races orders on the same
 * counter; it is conditioned on the level it read and read again when an order won, so the movement's before and
 * after are exact.
 */
public final class MerchantStock {
    static final int ATTEMPTS = 20;

    private final MerchantCatalogStore store;
    private final Clock clock;
    private final Supplier<String> newId;

    public MerchantStock(MerchantCatalogStore store, Clock clock, Supplier<String> newId) {
        this.store = store;
        this.clock = clock;
        this.newId = newId;
    }

    /** The product's levels after the move, and the movement recorded. */
    public record Moved(Product product, StockMovement movement) {
    }

    public Moved adjust(String merchantId, String actor, String productId, StockAdjustment adjustment) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Product p = own(merchantId, productId);
            long before = p.stockAvailable();
            long delta = adjustment.deltaFrom(before);
            if (before + delta < 0) {
                throw new ConflictException("insufficient-stock", "Not enough stock",
                        "Only " + before + " units are available to remove (" + p.stockReserved()
                                + " more are held by pending orders and cannot be adjusted).",
                        Map.of("available", before, "reserved", p.stockReserved()));
            }
            if (delta == 0) {
                return new Moved(p, null);
            }
            StockMovement movement = new StockMovement(productId, newId.get(), clock.instant(), delta, before, before + delta,
                    adjustment.reason().code(), adjustment.note(), actor);
            if (store.moveStock(merchantId, before, movement)) {
                return new Moved(own(merchantId, productId), movement);
            }
        }
        throw new ConflictException("stock-busy", "Stock is changing",
                "Orders kept moving this product's stock; try the adjustment again.", Map.of());
    }

    public List<StockMovement> history(String merchantId, String productId, int limit) {
        own(merchantId, productId);
        return store.movements(productId, limit);
    }

    private Product own(String merchantId, String productId) {
        return store.find(productId).map(MerchantCatalogStore.Listing::product)
                .filter(p -> merchantId.equals(p.merchantId()))
                .orElseThrow(() -> new NotFoundException("No product " + productId + " in your catalog."));
    }
}
