package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin suspends a merchant: its products leave search and the product pages, nobody can order them, and its back
 * office is read-only with the admins' reason; reinstated, the products are back as they were and the back office
 * writes again. Asking twice moves nothing twice; what cannot be done is refused with its reason.
 */
class SuspensionTest {

    @Test
    void aSuspendedMerchantsProductsLeaveTheShop_itsBackOfficeReadsOnly_andReinstatementBringsThemBack() throws Exception {
        String admin = Api.demo("admin");
        String email = "suspend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Fern-Goods-2026!";
        Api.Response made = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Hazel Home\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String merchantId = made.json().get("merchantId").asText();
        String merchant = Api.firstStaffSignIn(email, password);

        String word = "zs" + BackOfficeTest.unique().replaceAll("[^a-z]", "x");
        Api.Response product = BackOfficeTest.create(merchant, "SU-" + BackOfficeTest.unique(), "Hazel Basket " + word, 2400, "ACTIVE");
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        String id = product.json().get("id").asText();
        assertThat(BackOfficeTest.stock(merchant, id, "{\"delta\":4,\"reason\":\"restock\"}").status()).isEqualTo(200);
        Api.Response draft = BackOfficeTest.create(merchant, "SU-" + BackOfficeTest.unique(), "Hazel Draft " + word, 900, null);
        String draftId = draft.json().get("id").asText();
        BackOfficeTest.untilSearch(word, id, true);

        String path = "/api/admin/merchants/" + merchantId + "/suspension";
        Api.Response suspended = Api.call("POST", path, admin, "{\"reason\":\"Listings under review for misleading claims.\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().at("/merchant/status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().get("productsMoved").asInt()).as("the active product, not the draft").isEqualTo(1);
        Api.Response again = Api.call("POST", path, admin, "{\"reason\":\"Listings under review for misleading claims.\"}");
        assertThat(again.json().get("productsMoved").asInt()).as("nothing moves twice").isZero();

        long gone = BackOfficeTest.untilSearch(word, id, false);
        System.out.println("suspended → gone from search in " + gone + " ms");
        assertThat(Api.call("GET", "/api/products/" + id, null, null).status()).isEqualTo(404);
        Api.Response order = Api.call("POST", "/api/orders", Api.customerB(), Api.orderBody(id, 1),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as("nobody can order it: " + order.body()).isBetween(400, 499);

        // the back office reads, and refuses every write with the reason
        JsonNode own = Api.call("GET", "/api/merchant/products/" + id, merchant, null).json();
        assertThat(own.get("status").asText()).isEqualTo("SUSPENDED");
        Api.Response edit = BackOfficeTest.patch(merchant, id, "\"r2\"", "{\"priceMinor\":1999}");
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.json().get("detail").asText()).contains("suspended", "misleading claims");
        assertThat(BackOfficeTest.stock(merchant, draftId, "{\"delta\":1,\"reason\":\"restock\"}").status()).isEqualTo(403);
        assertThat(BackOfficeTest.create(merchant, "SU-" + BackOfficeTest.unique(), "Hazel Lamp", 900, null).status()).isEqualTo(403);
        assertThat(Api.call("GET", "/api/merchant/products?limit=10", merchant, null).status()).isEqualTo(200);

        Api.Response reinstated = Api.call("DELETE", path, admin, null);
        assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
        assertThat(reinstated.json().at("/merchant/status").asText()).isEqualTo("ACTIVE");
        assertThat(reinstated.json().get("productsMoved").asInt()).isEqualTo(1);
        long back = BackOfficeTest.untilSearch(word, id, true);
        System.out.println("reinstated → back in search in " + back + " ms");
        JsonNode page = Api.call("GET", "/api/products/" + id, null, null).json();
        assertThat(page.at("/price/amount").asLong()).as("as it was").isEqualTo(2400);
        assertThat(Api.call("GET", "/api/merchant/products/" + draftId, merchant, null).json().get("status").asText())
                .as("the draft stayed a draft").isEqualTo("DRAFT");
        assertThat(BackOfficeTest.stock(merchant, id, "{\"delta\":1,\"reason\":\"restock\"}").status()).isEqualTo(200);
    }

    @Test
    void whatCannotBeDoneIsRefusedWithItsReason() {
        String admin = Api.demo("admin");
        Api.Response nobody = Api.call("POST", "/api/admin/merchants/merchant-nobody-000000/suspension", admin, "{\"reason\":\"Because.\"}");
        assertThat(nobody.status()).isEqualTo(404);
        Api.Response noReason = Api.call("POST", "/api/admin/merchants/merchant-nobody-000000/suspension", admin, "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().toString()).contains("reason");
        assertThat(Api.call("DELETE", "/api/admin/merchants/x/suspension", admin, null).status()).isEqualTo(404);
    }
}
