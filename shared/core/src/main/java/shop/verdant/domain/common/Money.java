package shop.verdant.domain.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in the currency's minor unit (cents for EUR), never a floating-point number.
 * Arithmetic is exact and refuses to mix currencies.
 */
public record Money(long minor, String currency) {
    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /** {@code this >= other}, in the same currency. */
    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return minor >= other.minor;
    }

    /** The smaller of the two, in the same currency. */
    public Money min(Money other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    /**
     * The VAT contained in this VAT-inclusive amount at {@code rateBasisPoints} (2100 = 21 %):
     * {@code gross × rate / (1 + rate)}, rounded half up to the minor unit.
     */
    public Money vatContained(int rateBasisPoints) {
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000) {
            throw new IllegalArgumentException("VAT rate out of range: " + rateBasisPoints);
        }
        long numerator = Math.multiplyExact(Math.abs(minor), rateBasisPoints);
        long denominator = 10_000L + rateBasisPoints;
        long vat = (2 * numerator + denominator) / (2 * denominator);
        return new Money(minor < 0 ? -vat : vat, currency);
    }

    /** Exact decimal text in major units (1995 EUR → "19.95"), for logs and messages. */
    public String toDecimalString() {
        long abs = Math.abs(minor);
        return (minor < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}
