package shop.verdant.domain.common;

import java.util.regex.Pattern;

/** The shapes of the ids a request may carry: checked once here, answered as a 400 naming the field. */
public final class RequestIds {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RequestIds() {
    }

    /** An {@code Idempotency-Key}: 8–100 letters, digits or {@code . _ : -}; {@code purpose} says what it must be new for. */
    public static String idempotencyKey(String key, String purpose) {
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ValidationException.of("Idempotency-Key",
                    "Is required: 8-100 letters, digits or . _ : - (a UUID is fine), new for every " + purpose + ".");
        }
        return key;
    }

    /** An order id in a path. */
    public static String orderId(String id) {
        if (id == null || !ORDER_ID.matcher(id).matches()) {
            throw ValidationException.of("id", "Is not an order id.");
        }
        return id;
    }

    public static boolean isOrderId(String id) {
        return id != null && ORDER_ID.matcher(id).matches();
    }
}
