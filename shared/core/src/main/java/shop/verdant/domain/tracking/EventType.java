package shop.verdant.domain.tracking;

/** What a visitor did; the name is the {@code type} field of the event document. */
public enum EventType {
    SEARCH("search"),
    PRODUCT_VIEW("product_view"),
    CART_ADD("cart_add"),
    CART_REMOVE("cart_remove"),
    WISHLIST_ADD("wishlist_add"),
    CHECKOUT_STARTED("checkout_started"),
    ORDER_PLACED("order_placed"),
    /** From the Orders stream, not from a browser: the truth even if the shopper never comes back. */
    ORDER_PAID("order_paid"),
    /** A visitor id seen with a signed-in user: links the visitor's earlier, anonymous events to them. */
    IDENTIFY("identify");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
