package shop.verdant.application.backoffice.port;

import java.util.List;
import java.util.Optional;
import shop.verdant.domain.backoffice.StockMovement;
import shop.verdant.domain.catalog.Product;

/**
 * A merchant's products as the back office writes them: never a whole-item overwrite. A create puts the product
 * with its SKU guard (one item per merchant + SKU, so a SKU is unique per merchant); a change updates only the
 * listing's fields, conditioned on the listing's {@code revision} (which only listing changes move, so an order
 * reserving stock meanwhile does not void the merchant's edit); stock moves only what is available, conditioned on
 * what was read, recorded as a movement in the same transaction. Reserved and sold units are never written here.
 */
public interface MerchantCatalogStore {

    /** A product with the revision of its listing (1 for a product never changed through the back office). */
    /** {@code moderatedBecause}: why an admin took the product out of the shop (null when none did). */
    record Listing(Product product, long revision, String moderatedBecause) {
        public Listing(Product product, long revision) {
            this(product, revision, null);
        }
    }

    /** A page of a merchant's products, newest first; {@code cursor} from the previous page. */
    record Page(List<Listing> items, String nextCursor) {
    }

    /** Filters applied while the merchant's index is read (all optional): status, a word of the name or SKU, stock below. */
    record Filter(String status, String text, Long stockBelow) {
    }

    Page list(String merchantId, Filter filter, int limit, String cursor);

    /** Read consistently: the back office must see its own last write. */
    Optional<Listing> find(String productId);

    /** The merchant's products with these SKUs (as typed; case does not matter), through their guards: SKU → product id. */
    java.util.Map<String, String> productIdsForSkus(String merchantId, java.util.Collection<String> skus);

    /** Writes a new product (revision 1) and its SKU guard; ConflictException {@code sku-taken} when the merchant has that SKU. */
    default void create(Product product) {
        create(product, null);
    }

    /** The same, with its opening stock ({@code product.stockAvailable()}) recorded as {@code opening}, in one transaction. */
    void create(Product product, StockMovement opening);

    /**
     * Applies {@code changed} (the product as it should be: same id and merchant) if the stored revision is still
     * {@code revision}, and moves the SKU guard if the SKU changed. PreconditionException (412) when the revision
     * moved; ConflictException {@code sku-taken} when the new SKU is the merchant's already. Stock is not written.
     * Answers the stored listing.
     */
    Listing update(Product changed, String previousSku, long revision);

    /**
     * Sets the product's images to {@code images} (a selection of its own, in order) if the stored revision is still
     * {@code revision}; PreconditionException (412) when it moved. Answers the stored listing.
     */
    Listing arrangeImages(Product product, List<String> images, long revision, String actor, java.time.Instant at);

    /** Removes a never-published product and its SKU guard, if its revision is still {@code revision}. */
    void delete(Product product, long revision);

    /**
     * Moves the product's available stock from {@code seenAvailable} by {@code movement.delta()} and records the
     * movement, in one transaction; false (nothing written) when available is no longer {@code seenAvailable}.
     */
    boolean moveStock(String merchantId, long seenAvailable, StockMovement movement);

    /** The product's latest movements, newest first. */
    List<StockMovement> movements(String productId, int limit);
}
