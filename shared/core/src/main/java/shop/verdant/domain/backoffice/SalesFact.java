package shop.verdant.domain.backoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;

/**
 * What one change of an order adds to one merchant's sales on one (UTC) day: a sale (the order's stock was sold:
 * paid, or confirmed for cash on delivery) adds an order, its units and the merchant's lines; a refund takes the
 * merchant's share of the newly refunded money away on the day it was refunded. {@code key} names the change, so a
 * stream record delivered twice is applied once.
 */
public record SalesFact(String merchantId, LocalDate day, String key, long orders, long units, Money gross,
                        Money refunded, Map<String, ProductSale> products) {

    /** One product's part of a sale: its name as sold, units and money. */
    public record ProductSale(String name, long units, long grossMinor) {
    }

    /**
     * The facts of an order going from {@code before} (null: it did not exist) to {@code after} (null: deleted).
     * Gross is the merchant's lines (what its products sold for, VAT included, without shipping); a refund is shared
     * between the order's merchants and its shipping by their amounts, and only the merchants' shares count here.
     */
    public static List<SalesFact> of(Order before, Order after) {
        List<SalesFact> out = new ArrayList<>();
        if (after == null) {
            return out;
        }
        boolean soldBefore = before != null && before.status().isSold();
        Map<String, List<OrderLine>> byMerchant = new LinkedHashMap<>();
        for (OrderLine line : after.lines()) {
            byMerchant.computeIfAbsent(line.merchantId() == null ? "unknown" : line.merchantId(), m -> new ArrayList<>()).add(line);
        }
        String currency = after.totals().currency();
        if (!soldBefore && after.status().isSold()) {
            LocalDate day = dayOf(after.updatedAt());
            byMerchant.forEach((merchant, lines) -> {
                Map<String, ProductSale> products = new LinkedHashMap<>();
                long units = 0;
                Money gross = Money.zero(currency);
                for (OrderLine l : lines) {
                    products.merge(l.productId(), new ProductSale(l.name(), l.quantity(), l.subtotalMinor()),
                            (a, b) -> new ProductSale(a.name(), a.units() + b.units(), a.grossMinor() + b.grossMinor()));
                    units += l.quantity();
                    gross = gross.plus(Money.of(l.subtotalMinor(), currency));
                }
                out.add(new SalesFact(merchant, day, after.orderId() + "#sold", 1, units, gross, Money.zero(currency), products));
            });
        }
        long refundedBefore = before == null || before.payment() == null ? 0 : before.payment().refundedMinor();
        long refundedAfter = after.payment() == null ? 0 : after.payment().refundedMinor();
        if (after.status().isSold() && refundedAfter > refundedBefore) {
            LocalDate day = dayOf(after.updatedAt());
            List<String> merchants = new ArrayList<>(byMerchant.keySet());
            // the refund is shared by what each merchant sold and the shipping (the shop's part, no merchant's), so a
            // full refund takes back exactly each merchant's gross
            long[] weights = new long[merchants.size() + 1];
            for (int i = 0; i < merchants.size(); i++) {
                weights[i] = byMerchant.get(merchants.get(i)).stream().mapToLong(OrderLine::subtotalMinor).sum();
            }
            weights[merchants.size()] = Math.max(0, after.total().minor() - java.util.Arrays.stream(weights).sum());
            Money[] shares = Money.of(refundedAfter - refundedBefore, currency).allocate(weights);
            for (int i = 0; i < merchants.size(); i++) {
                if (!shares[i].isZero()) {
                    // the refunded total so far names the change: the same refund seen twice is one fact
                    out.add(new SalesFact(merchants.get(i), day, after.orderId() + "#refunded#" + refundedAfter, 0, 0,
                            Money.zero(currency), shares[i], Map.of()));
                }
            }
        }
        return out;
    }

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
