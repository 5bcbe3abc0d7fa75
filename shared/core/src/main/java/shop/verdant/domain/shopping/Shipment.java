package shop.verdant.domain.shopping;

/**
 * One merchant's parcel of a sold order: PENDING when the order is paid (or confirmed for cash on delivery),
 * then PACKED, SHIPPED, DELIVERED as the merchant records it; CANCELLED when a full refund stopped it.
 */
public record Shipment(String orderId, String merchantId, String status, String trackingNumber) {
}
