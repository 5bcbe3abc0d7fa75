package shop.verdant.domain.shopping;

/**
 * How a sold order is paid: the provider and its reference for the payment that won, what has been
 * refunded of it, and whether the customer disputed it (flagged for admins).
 */
public record OrderPayment(String provider, String reference, long refundedMinor, boolean disputed) {
}
