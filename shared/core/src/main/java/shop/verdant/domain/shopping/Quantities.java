package shop.verdant.domain.shopping;

import shop.verdant.domain.common.ValidationException;

/** The shop's quantity rules: 1–10 of a product per cart line and per order, at most 50 lines. */
public final class Quantities {
    public static final int MIN = 1;
    public static final int MAX_PER_LINE = 10;
    public static final int MAX_LINES = 50;

    private Quantities() {
    }

    public static int check(Integer quantity, String field) {
        if (quantity == null) {
            throw ValidationException.of(field, "Is required.");
        }
        if (quantity < MIN || quantity > MAX_PER_LINE) {
            throw ValidationException.of(field, "Must be between " + MIN + " and " + MAX_PER_LINE + ".");
        }
        return quantity;
    }

    /** Product ids are UUIDs or the demo catalog's short ids: letters, digits and dashes, at most 64. */
    public static String checkProductId(String productId, String field) {
        if (productId == null || productId.isBlank()) {
            throw ValidationException.of(field, "Is required.");
        }
        if (!productId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ValidationException.of(field, "Is not a product id.");
        }
        return productId;
    }
}
