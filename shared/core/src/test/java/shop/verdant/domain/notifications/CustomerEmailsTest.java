package shop.verdant.domain.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderPayment;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.shopping.Shipment;

class CustomerEmailsTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static Order order(OrderStatus status, String provider) {
        return new Order("0193-order-4f2a9c1e", "c1", List.of(new OrderLine("p1", "A-1", "Cup <b>\"best\"</b> & lid", "m", 1000, 2, 2000)),
                new OrderTotals(Money.of(2000, "EUR"), Money.of(495, "EUR"), List.of(), Money.of(2495, "EUR")), status,
                new Address("Ann <script>", "1 Green Lane", null, "Utrecht", "3511 AB", "NL"), T, T, T,
                new OrderPayment(provider, "ref", 0, false), null, "ann@example.com");
    }

    @Test
    void aPaidOrderAndACashOnDeliveryOrderSayWhatTheyAre() {
        Email paid = CustomerEmails.confirmed(order(OrderStatus.PAID, "stripe"), "https://shop.example/");
        assertThat(paid.to()).isEqualTo("ann@example.com");
        assertThat(paid.subject()).isEqualTo("Your Verdant order 4f2a9c1e is paid");
        assertThat(paid.text()).contains("€24.95", "2 × Cup", "https://shop.example/?view=order&id=0193-order-4f2a9c1e");
        Email cod = CustomerEmails.confirmed(order(OrderStatus.CONFIRMED, "cod"), "https://shop.example/");
        assertThat(cod.subject()).endsWith("is confirmed");
        assertThat(cod.text()).contains("You pay €24.95 when the courier brings it");
    }

    @Test
    void theHtmlPartEscapesEverythingFromTheOrder() {
        Shipment s = new Shipment("0193-order-4f2a9c1e", "m", "SHIPPED", "PostNL", "3S<x>", List.of(),
                List.of(new Shipment.Item("p1", "A-1", "Cup <b>\"best\"</b> & lid", 2)), T, T);
        Email shipped = CustomerEmails.shipped(order(OrderStatus.PAID, "stripe"), s, "https://shop.example/");
        assertThat(shipped.html()).doesNotContain("<script>", "<b>", "3S<x>")
                .contains("Ann &lt;script&gt;", "Cup &lt;b&gt;&quot;best&quot;&lt;/b&gt; &amp; lid", "3S&lt;x&gt;");
        assertThat(shipped.text()).contains("PostNL", "3S<x>");
    }
}
