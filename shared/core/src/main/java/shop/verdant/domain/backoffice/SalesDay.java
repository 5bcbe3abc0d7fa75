package shop.verdant.domain.backoffice;

import java.time.LocalDate;

/** One merchant's sales on one UTC day, as the sales ledger keeps them: gross and refunded in minor units. */
public record SalesDay(LocalDate day, long orders, long units, long grossMinor, long refundedMinor) {
    public long netMinor() {
        return grossMinor - refundedMinor;
    }
}
