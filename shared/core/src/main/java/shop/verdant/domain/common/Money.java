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

    /**
     * Splits this amount into parts proportional to {@code weights} (all >= 0, not all 0) that add up to it
     * exactly: each part is rounded down and the minor units left over go, one each, to the largest remainders
     * (ties to the earlier part). A refund shared between the merchants of one order is split this way.
     */
    public Money[] allocate(long... weights) {
        long sum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            sum = Math.addExact(sum, w);
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        Money[] parts = new Money[weights.length];
        long[] remainders = new long[weights.length];
        long abs = Math.abs(minor);
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            java.math.BigInteger product = java.math.BigInteger.valueOf(abs).multiply(java.math.BigInteger.valueOf(weights[i]));
            java.math.BigInteger[] qr = product.divideAndRemainder(java.math.BigInteger.valueOf(sum));
            parts[i] = new Money(qr[0].longValueExact(), currency);
            remainders[i] = qr[1].longValueExact();
            given += parts[i].minor;
        }
        for (long left = abs - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best] = new Money(parts[best].minor + 1, currency);
            remainders[best] = -1;
        }
        if (minor < 0) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = new Money(-parts[i].minor, currency);
            }
        }
        return parts;
    }

    /** This amount shared by {@code count} (> 0), rounded half up: an average order value. */
    public Money averageOver(long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        long abs = Math.abs(minor);
        long q = abs / count;
        if ((abs % count) * 2 >= count) {
            q++;
        }
        return new Money(minor < 0 ? -q : q, currency);
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
