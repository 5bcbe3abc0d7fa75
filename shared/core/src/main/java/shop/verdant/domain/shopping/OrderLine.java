package shop.verdant.domain.shopping;

/** What was bought, frozen at order time: the catalog may change later, the order does not. */
public record OrderLine(String productId, String sku, String name, String merchantId, long unitPriceMinor,
                        int quantity, long subtotalMinor) {
}
