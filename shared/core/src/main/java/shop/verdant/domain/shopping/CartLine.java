package shop.verdant.domain.shopping;

import java.time.Instant;

/** One product in a cart: how many, and the unit price the shopper last saw (to flag a price change). */
public record CartLine(String productId, int quantity, long seenPriceMinor, Instant addedAt) {
}
