package shop.verdant.application.payments.port;

import shop.verdant.domain.payments.PaymentStatus;

/**
 * A payment as its provider reports it now. The provider is the truth: every webhook and every
 * reconciliation reads this and moves the shop's records towards it, so the order events arrive in
 * does not matter. Amounts are minor units of {@code currency}.
 */
public record ProviderPayment(String reference, PaymentStatus status, long amountMinor, long amountReceivedMinor,
                              String currency, boolean livemode, String orderId, long refundedMinor, boolean disputed,
                              String lastError, String clientSecret) {
}
