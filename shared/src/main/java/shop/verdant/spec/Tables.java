package shop.verdant.spec;

import static shop.verdant.spec.TableSpec.Key.s;

import java.util.List;
import shop.verdant.spec.TableSpec.Index;

/** Every table of the shop. */
public final class Tables {
    private Tables() {
    }

    /** Products; the byMerchant index serves the merchant back office. Streamed for the audit log. */
    public static final TableSpec PRODUCTS = new TableSpec("Products", "PRODUCTS_TABLE", s("productId"), null,
            List.of(new Index("byMerchant", s("merchantId"), s("createdAt"))), null, true);

    /** Categories; {@code kind} is the same on every item so the whole tree is one Query, never a Scan. */
    public static final TableSpec CATEGORIES = new TableSpec("Categories", "CATEGORIES_TABLE", s("categoryId"), null,
            List.of(new Index("all", s("kind"), s("categoryId"))), null, true);

    public static final TableSpec BRANDS = new TableSpec("Brands", "BRANDS_TABLE", s("brandId"), null,
            List.of(new Index("all", s("kind"), s("brandId"))), null, true);

    public static final List<TableSpec> ALL = List.of(PRODUCTS, CATEGORIES, BRANDS);
}
