package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Admins make a user a merchant through the local gateway with cognito-local: the Merchants record, the merchant id
 * and group on the account (the user's next sign-in carries both, and with them the back office, their own and empty),
 * the same call again changing nothing, and what cannot be done refused with its reason.
 */
class AdminMerchantsTest {

    @Test
    void anAdminMakesAUserAMerchant_whoseNextSignInOpensTheirOwnBackOffice() {
        String admin = Api.demo("admin");
        String email = "new-merchant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Fern-Goods-2026!";
        String before = Api.token(email, password);
        assertThat(Api.call("GET", "/api/merchant/products", before, null).status()).as("not a merchant yet").isEqualTo(403);

        Api.Response made = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email.toUpperCase() + "\","
                + "\"displayName\":\" Fern  & Co. \"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String merchantId = made.json().get("merchantId").asText();
        assertThat(merchantId).startsWith("merchant-fern-co-");
        assertThat(made.json().get("displayName").asText()).isEqualTo("Fern & Co.");
        assertThat(made.json().get("email").asText()).isEqualTo(email);

        Api.Response again = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Fern & Co.\"}");
        assertThat(again.status()).as("the same merchant again: nothing new").isEqualTo(200);
        assertThat(again.json().get("merchantId").asText()).isEqualTo(merchantId);
        Api.Response other = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Other Shop\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asText()).endsWith("already-merchant");

        JsonNode listed = Api.call("GET", "/api/admin/merchants", admin, null).json().get("items");
        assertThat(listed).anySatisfy(m -> assertThat(m.get("merchantId").asText()).isEqualTo(merchantId));

        // a fresh sign-in (not the cached token) carries the group and the id
        String after = Api.freshToken(email, password);
        assertThat(Api.groupsInToken(email, password)).contains("merchants");
        Api.Response own = Api.call("GET", "/api/merchant/products", after, null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("items")).as("their own shop, empty").isEmpty();
        assertThat(Api.call("GET", "/api/merchant/dashboard", after, null).status()).isEqualTo(200);
    }

    @Test
    void whatCannotBeDoneIsRefusedWithItsReason() {
        String admin = Api.demo("admin");
        Api.Response nobody = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"nobody-" + UUID.randomUUID()
                + "@example.com\",\"displayName\":\"Ghost Goods\"}");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("detail").asText()).contains("sign up first");
        Api.Response bad = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"not-an-email\",\"displayName\":\"G\"}");
        assertThat(bad.status()).isEqualTo(400);
        Api.Response demo = Api.call("POST", "/api/admin/merchants", admin,
                "{\"email\":\"merchant@verdant.local\",\"displayName\":\"Another Shop\"}");
        assertThat(demo.status()).as("the demo merchant runs a shop already").isEqualTo(409);
        assertThat(Api.call("POST", "/api/admin/merchants", Api.demo("merchant"),
                "{\"email\":\"merchant@verdant.local\",\"displayName\":\"Mine\"}").status()).as("merchants cannot make merchants")
                .isEqualTo(403);
    }
}
