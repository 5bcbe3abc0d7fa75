package shop.verdant.domain.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderPayment;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.OrderTotals;

class SalesFactTest {
    static final Instant T = Instant.parse("2026-11-30T23:59:00Z");

    static Order order(OrderStatus status, long refunded, Instant at) {
        List<OrderLine> lines = List.of(new OrderLine("p1", "A-1", "Cup", "m-a", 1000, 2, 2000),
                new OrderLine("p2", "B-1", "Mug", "m-b", 500, 1, 500), new OrderLine("p3", "A-2", "Lid", "m-a", 250, 2, 500));
        OrderTotals totals = new OrderTotals(Money.of(3000, "EUR"), Money.of(495, "EUR"), List.of(), Money.of(3495, "EUR"));
        return new Order("o1", "c1", lines, totals, status, null, T, T, at,
                status.isSold() ? new OrderPayment("stripe", "pi_1", refunded, false) : null);
    }

    @Test
    void aSaleCountsOnceForEachMerchantOnTheDayItWasSold() {
        List<SalesFact> facts = SalesFact.of(order(OrderStatus.PENDING_PAYMENT, 0, T), order(OrderStatus.PAID, 0, T));
        assertThat(facts).hasSize(2);
        SalesFact a = facts.get(0);
        assertThat(a.merchantId()).isEqualTo("m-a");
        assertThat(a.day()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(a.orders()).isEqualTo(1);
        assertThat(a.units()).isEqualTo(4);
        assertThat(a.gross()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(a.products()).containsOnlyKeys("p1", "p3");
        assertThat(facts.get(1).gross()).isEqualTo(Money.of(500, "EUR"));
        // paid after being confirmed for cash on delivery, or seen again: no second sale
        assertThat(SalesFact.of(order(OrderStatus.CONFIRMED, 0, T), order(OrderStatus.PAID, 0, T))).isEmpty();
        assertThat(SalesFact.of(order(OrderStatus.PAID, 0, T), order(OrderStatus.PAID, 0, T))).isEmpty();
        assertThat(SalesFact.of(order(OrderStatus.PENDING_PAYMENT, 0, T), order(OrderStatus.CANCELLED, 0, T))).isEmpty();
    }

    @Test
    void aRefundIsSharedByTheMerchantsGrossAndTheShipping_onTheDayItWasMade() {
        Instant later = Instant.parse("2026-12-02T10:00:00Z");
        // 699 of 3495 is a fifth: a fifth of each merchant's gross (2500, 500) and of the shipping (495, the shop's)
        List<SalesFact> facts = SalesFact.of(order(OrderStatus.PAID, 0, T), order(OrderStatus.PAID, 699, later));
        assertThat(facts).extracting(SalesFact::merchantId).containsExactly("m-a", "m-b");
        assertThat(facts).extracting(f -> f.refunded().minor()).containsExactly(500L, 100L);
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.day()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(f.orders()).isZero();
        });
        // a second partial refund is a new fact; the same refund seen again has the same key
        var again = SalesFact.of(order(OrderStatus.PAID, 0, T), order(OrderStatus.PAID, 699, later));
        assertThat(again.get(0).key()).isEqualTo(facts.get(0).key());
        // the rest refunded: with the first fifth, exactly each merchant's gross came back
        var more = SalesFact.of(order(OrderStatus.PAID, 699, later), order(OrderStatus.REFUNDED, 3495, later));
        assertThat(more).extracting(f -> f.refunded().minor()).containsExactly(2000L, 400L);
        assertThat(more.get(0).key()).isNotEqualTo(facts.get(0).key());
    }

    @Test
    void theDashboardFillsEveryDayAndAveragesNetRevenue() {
        LocalDate d1 = LocalDate.of(2026, 12, 1);
        Dashboard d = Dashboard.of(d1, d1.plusDays(2), "EUR",
                List.of(new SalesDay(d1, 2, 3, 3000, 0), new SalesDay(d1.plusDays(2), 1, 1, 1000, 500)),
                Map.of("p1", new Dashboard.TopProduct("p1", "Cup", 3, 2000), "p2", new Dashboard.TopProduct("p2", "Mug", 1, 2000)),
                List.of());
        assertThat(d.series()).extracting(SalesDay::day).containsExactly(d1, d1.plusDays(1), d1.plusDays(2));
        assertThat(d.revenue()).isEqualTo(Money.of(3500, "EUR"));
        assertThat(d.orders()).isEqualTo(3);
        assertThat(d.averageOrderValue()).isEqualTo(Money.of(1167, "EUR"));
        assertThat(d.topProducts()).extracting(Dashboard.TopProduct::productId).containsExactly("p1", "p2");
    }
}
