package shop.verdant.domain.backoffice;

import java.time.Instant;

/** One recorded move of a product's available stock: how much, from what to what, why and by whom. */
public record StockMovement(String productId, String movementId, Instant at, long delta, long availableBefore,
                            long availableAfter, String reason, String note, String actor) {
}
