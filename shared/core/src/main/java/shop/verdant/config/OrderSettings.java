package shop.verdant.config;

import java.time.Duration;
import shop.verdant.domain.common.Money;

/**
 * The order settings every way of placing and confirming an order shares (the shop's routes and the call centre's),
 * settable per deployment and, locally, per run.
 */
public final class OrderSettings {
    private OrderSettings() {
    }

    /** How long an unpaid order holds its stock ({@code ORDER_EXPIRY_SECONDS}): DESIGN says 15 minutes. */
    public static Duration reservation() {
        return Duration.ofSeconds(Long.parseLong(Env.get("ORDER_EXPIRY_SECONDS", "900")));
    }

    /** Cash on delivery up to this total ({@code COD_LIMIT_MINOR}, minor units, EUR). */
    public static Money cashOnDeliveryLimit() {
        return Money.of(Long.parseLong(Env.get("COD_LIMIT_MINOR", "15000")), "EUR");
    }
}
