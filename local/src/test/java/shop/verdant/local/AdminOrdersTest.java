package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admins' order desk in the running shop: an order found by its id, the customer's email and its status; one the
 * customer disputed (Stripe's test card that opens a dispute) found as DISPUTED, with its payment; a refund from the
 * desk; bad searches refused with their reason; no client secret in sight.
 */
class AdminOrdersTest {

    static List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(o -> out.add(o.get("orderId").asText()));
        return out;
    }

    @Test
    void anOrderIsFoundByIdEmailAndStatus_aDisputedOneAsDisputed_withItsPayments() throws Exception {
        String admin = Api.demo("admin");
        String customer = Api.customerA();
        String product = Api.productWithPlentyOfStock();
        String pending = PaymentsTest.placeOrder(customer, product, 1);
        String disputed = PaymentsTest.placeOrder(customer, product, 1);
        JsonNode started = PaymentsTest.pay(customer, disputed, "stripe", "pay-" + UUID.randomUUID()).json();
        assertThat(PaymentsTest.confirm(started, "pm_card_createDispute").statusCode()).isEqualTo(200);
        PaymentsTest.settle();

        assertThat(ids(Api.call("GET", "/api/admin/orders?id=" + pending.toUpperCase(), admin, null))).containsExactly(pending);
        assertThat(ids(Api.call("GET", "/api/admin/orders?email=Customer%40verdant.local&limit=100", admin, null)))
                .contains(pending, disputed);
        assertThat(ids(Api.call("GET", "/api/admin/orders?status=pending_payment&limit=100", admin, null)))
                .contains(pending).doesNotContain(disputed);
        List<String> flagged = ids(Api.call("GET", "/api/admin/orders?status=DISPUTED&limit=100", admin, null));
        assertThat(flagged).contains(disputed).doesNotContain(pending);

        Api.Response detail = Api.call("GET", "/api/admin/orders/" + disputed, admin, null);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().at("/order/payment/disputed").asBoolean()).isTrue();
        assertThat(detail.json().at("/order/email").asText()).isEqualTo("customer@verdant.local");
        assertThat(detail.json().get("payments")).hasSize(1);
        assertThat(detail.json().at("/payments/0/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(detail.body()).as("no client secret").doesNotContain("_secret_");

        // a refund from the desk shows on the order
        Api.Response refund = PaymentsTest.refund(disputed, 100L, "refund-" + UUID.randomUUID());
        assertThat(refund.status()).as(refund.body()).isIn(200, 201, 202);
        PaymentsTest.settle();
        assertThat(Api.call("GET", "/api/admin/orders/" + disputed, admin, null).json().at("/order/payment/refunded").asLong())
                .isEqualTo(100);

        // page by page, each order once
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            Api.Response r = Api.call("GET", "/api/admin/orders?email=customer%40verdant.local&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin, null);
            seen.addAll(ids(r));
            cursor = r.json().has("next") ? r.json().get("next").asText() : null;
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).doesNotHaveDuplicates().contains(pending, disputed);

        // a status page is filtered (a month holds other orders too): small pages add up to the big one, none skipped
        for (int i = 0; i < 4; i++) {
            PaymentsTest.placeOrder(customer, product, 1);
        }
        List<String> all = ids(Api.call("GET", "/api/admin/orders?status=PENDING_PAYMENT&limit=12", admin, null));
        List<String> paged = new ArrayList<>();
        cursor = null;
        while (paged.size() < all.size()) {
            Api.Response r = Api.call("GET", "/api/admin/orders?status=PENDING_PAYMENT&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin, null);
            paged.addAll(ids(r));
            cursor = r.json().has("next") ? r.json().get("next").asText() : null;
            if (cursor == null) {
                break;
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        assertThat(paged.subList(0, Math.min(paged.size(), all.size()))).isEqualTo(all);
    }

    @Test
    void badSearchesAreRefusedWithTheirReason() {
        String admin = Api.demo("admin");
        assertThat(Api.call("GET", "/api/admin/orders?status=LOST", admin, null).status()).isEqualTo(400);
        assertThat(Api.call("GET", "/api/admin/orders?email=nobody", admin, null).status()).isEqualTo(400);
        assertThat(Api.call("GET", "/api/admin/orders?id=x;drop", admin, null).status()).isEqualTo(400);
        assertThat(Api.call("GET", "/api/admin/orders?limit=500", admin, null).status()).isEqualTo(400);
        assertThat(Api.call("GET", "/api/admin/orders?email=a%40b.c&cursor=bm9wZQ", admin, null).status()).isEqualTo(400);
        assertThat(Api.call("GET", "/api/admin/orders/" + UUID.randomUUID(), admin, null).status()).isEqualTo(404);
        assertThat(Api.call("GET", "/api/admin/orders", Api.customerA(), null).status()).isEqualTo(403);
    }
}
