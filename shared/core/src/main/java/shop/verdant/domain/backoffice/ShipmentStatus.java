package shop.verdant.domain.backoffice;

/**
 * One merchant's parcel of a sold order: PENDING (created when the order is sold), PACKED, SHIPPED (with a carrier
 * and a tracking number), DELIVERED; CANCELLED when a full refund stopped it before it left. One step forward at a
 * time, never back.
 */
public enum ShipmentStatus {
    PENDING, PACKED, SHIPPED, DELIVERED, CANCELLED;

    /** The status a merchant may move this one to next; null when it is final. */
    public ShipmentStatus next() {
        return switch (this) {
            case PENDING -> PACKED;
            case PACKED -> SHIPPED;
            case SHIPPED -> DELIVERED;
            case DELIVERED, CANCELLED -> null;
        };
    }

    /** A merchant may skip packing (PENDING → SHIPPED), never go back or past shipping. */
    public boolean mayBecome(ShipmentStatus to) {
        return to == next() || (this == PENDING && to == SHIPPED);
    }

    public static ShipmentStatus parse(String s) {
        try {
            return valueOf(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
