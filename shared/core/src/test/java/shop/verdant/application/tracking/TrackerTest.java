package shop.verdant.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SortOrder;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.domain.tracking.Visit;

class TrackerTest {
    final List<BehaviourEvent> sent = new ArrayList<>();
    final List<String> drops = new ArrayList<>();
    final Tracker tracker = new Tracker(sent::add, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
            () -> "00000000-0000-4000-8000-000000000001", drops::add);
    static final Visit VISIT = new Visit("3f2b7c1e-9d4a-4e0b-8f6a-1c2d3e4f5a6b", "s-20261201-0001", null);

    @Test
    void aSearchIsTrackedWithNormalizedTermsFiltersSortAndPage() {
        ProductQuery q = new ProductQuery("  Bamboo   TOOTHBRUSHES! ", "bathroom", Set.of("nordic-leaf", "ecoroots"), Set.of("green"),
                500L, null, Map.of("material", Set.of("bamboo")), SortOrder.PRICE_ASC, 24, 48);
        assertThat(tracker.track(VISIT, Tracker.search(q, 7))).isTrue();
        Map<String, Object> doc = sent.get(0).document();
        @SuppressWarnings("unchecked")
        Map<String, Object> search = (Map<String, Object>) doc.get("search");
        assertThat(search).containsEntry("terms", "bamboo toothbrushes").containsEntry("termCount", 2)
                .containsEntry("page", 3).containsEntry("resultCount", 7L).containsEntry("zeroResults", false)
                .containsEntry("sort", "price_asc");
        assertThat(search.get("filters")).isEqualTo(List.of("category", "brand", "colour", "price", "attr.material"));
        assertThat(search.get("filterValues")).isEqualTo(List.of("category=bathroom", "brand=ecoroots", "brand=nordic-leaf",
                "colour=green", "attr.material=bamboo"));
        assertThat(doc).containsEntry("type", "search").containsEntry("schema", 1)
                .containsEntry("@timestamp", "2026-12-01T10:00:00Z").containsEntry("visitorId", VISIT.visitorId())
                .doesNotContainKey("userSub");
    }

    @Test
    void emailsAndLongNumbersNeverBecomeTerms() {
        assertThat(Tracker.normalizeTerms("ann@example.com refill")).isEqualTo("refill");
        assertThat(Tracker.normalizeTerms("call +31 6 1234 5678 soap")).isEqualTo("call soap");
        assertThat(Tracker.normalizeTerms("4111 1111 1111 1111")).isEmpty();
        assertThat(Tracker.normalizeTerms("Crème brûlée 2 pack")).isEqualTo("creme brulee 2 pack");
    }

    @Test
    void anEventThatBreaksTheSchemaIsDroppedAndCountedNotSent() {
        assertThat(tracker.track(new Visit(null, null, null), new BehaviourEvent.Identify())).isFalse();
        assertThat(tracker.track(new Visit("<script>", null, null), new BehaviourEvent.ProductEvent(EventType.PRODUCT_VIEW,
                "p-1", "Soap", null, 0))).isFalse();
        assertThat(tracker.track(VISIT, new BehaviourEvent.ProductEvent(EventType.ORDER_PAID, "p-1", null, null, 1))).isFalse();
        assertThat(tracker.track(VISIT, new BehaviourEvent.ProductEvent(EventType.CART_ADD, "p 1; drop", null, null, 1))).isFalse();
        assertThat(tracker.track(VISIT, new BehaviourEvent.Identify())).as("identify needs the user").isFalse();
        assertThat(sent).isEmpty();
        assertThat(tracker.dropped()).containsEntry("invalid:visitorId", 2L).containsEntry("invalid:type", 1L)
                .containsEntry("invalid:product.productId", 1L).containsEntry("invalid:userSub", 1L);
        assertThat(tracker.emitted()).isZero();
        assertThat(drops).as("each drop reported, as the wiring counts it in a metric").hasSize(5);
    }

    @Test
    void aSinkThatThrowsNeverFailsTheCaller() {
        Tracker failing = new Tracker(e -> {
            throw new IllegalStateException("buffer gone");
        });
        assertThat(failing.track(VISIT, new BehaviourEvent.OrderEvent(EventType.ORDER_PLACED,
                "7c0a6a4e-1111-4222-8333-444455556666", 2, Money.of(2_598, "EUR")))).isFalse();
        assertThat(failing.dropped()).containsEntry("sink:IllegalStateException", 1L);
    }

    @Test
    void documentsCarryNoPersonalData() {
        Visit signedIn = new Visit(VISIT.visitorId(), VISIT.sessionId(), "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
        tracker.track(signedIn, new BehaviourEvent.Checkout(3, Money.of(4_497, "EUR")));
        tracker.track(signedIn, new BehaviourEvent.OrderEvent(EventType.ORDER_PLACED, "7c0a6a4e-1111-4222-8333-444455556666", 3,
                Money.of(5_192, "EUR")));
        assertThat(sent).hasSize(2);
        for (BehaviourEvent e : sent) {
            assertThat(e.document().keySet()).doesNotContain("email", "ip", "address", "shipTo", "name");
        }
        assertThat(sent.get(1).document().get("order")).isEqualTo(Map.of("orderId", "7c0a6a4e-1111-4222-8333-444455556666",
                "items", 3, "totalMinor", 5_192L, "currency", "EUR"));
    }
}
