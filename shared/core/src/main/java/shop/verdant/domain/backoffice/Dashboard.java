package shop.verdant.domain.backoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.common.Money;

/**
 * A merchant's sales over {@code from}..{@code to} (UTC days, both included): revenue net of refunds, orders, units,
 * the average order value (net revenue over orders), a series with every day of the range (empty days as zeros),
 * the best-selling products by what they sold for, and the products running low.
 */
public record Dashboard(LocalDate from, LocalDate to, Money revenue, Money gross, Money refunded, long orders, long units,
                        Money averageOrderValue, List<SalesDay> series, List<TopProduct> topProducts, List<LowStock> lowStock) {

    public record TopProduct(String productId, String name, long units, long grossMinor) {
    }

    public record LowStock(String productId, String sku, String name, long available) {
    }

    public static final int TOP = 10;

    public static Dashboard of(LocalDate from, LocalDate to, String currency, List<SalesDay> days,
                               Map<String, TopProduct> products, List<LowStock> lowStock) {
        Map<LocalDate, SalesDay> byDay = new LinkedHashMap<>();
        days.forEach(d -> byDay.merge(d.day(), d, (a, b) -> new SalesDay(a.day(), a.orders() + b.orders(),
                a.units() + b.units(), a.grossMinor() + b.grossMinor(), a.refundedMinor() + b.refundedMinor())));
        List<SalesDay> series = new ArrayList<>();
        long orders = 0;
        long units = 0;
        Money gross = Money.zero(currency);
        Money refunded = Money.zero(currency);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            SalesDay day = byDay.getOrDefault(d, new SalesDay(d, 0, 0, 0, 0));
            series.add(day);
            orders += day.orders();
            units += day.units();
            gross = gross.plus(Money.of(day.grossMinor(), currency));
            refunded = refunded.plus(Money.of(day.refundedMinor(), currency));
        }
        Money revenue = gross.minus(refunded);
        List<TopProduct> top = products.values().stream()
                .sorted(Comparator.comparingLong(TopProduct::grossMinor).reversed().thenComparing(TopProduct::productId))
                .limit(TOP).toList();
        return new Dashboard(from, to, revenue, gross, refunded, orders, units,
                orders == 0 ? Money.zero(currency) : revenue.averageOver(orders), series, top, lowStock);
    }
}
