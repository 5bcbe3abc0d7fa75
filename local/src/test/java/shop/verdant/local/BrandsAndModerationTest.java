package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Admins run the brands (create, rename, retire, bring back: the shop's brand list follows at once, products keep the
 * name) and moderate any product (archived with a reason its merchant reads, and cannot simply publish again).
 */
class BrandsAndModerationTest {

    static boolean offered(String brandId) {
        return Api.call("GET", "/api/brands", null, null).body().contains("\"" + brandId + "\"");
    }

    @Test
    void aBrandIsOfferedRetiredAndBroughtBack_andTheShopsListFollows() throws Exception {
        String admin = Api.demo("admin");
        String u = BackOfficeTest.unique().replaceAll("[^a-z0-9]", "");
        Api.Response made = Api.call("POST", "/api/admin/brands", admin, "{\"name\":\"Fernwood " + u + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String brandId = made.json().get("brandId").asText();
        CategoriesTest.until(() -> com.fasterxml.jackson.databind.node.BooleanNode.valueOf(offered(brandId)), JsonNode::asBoolean, "the new brand offered");

        Api.Response retired = Api.call("PATCH", "/api/admin/brands/" + brandId, admin, "{\"retired\":true}");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        long gone = CategoriesTest.until(() -> com.fasterxml.jackson.databind.node.BooleanNode.valueOf(!offered(brandId)), JsonNode::asBoolean, "the retired brand off the list");
        assertThat(Api.call("GET", "/api/admin/brands", admin, null).body()).as("admins still see it").contains(brandId);
        Api.Response back = Api.call("PATCH", "/api/admin/brands/" + brandId, admin, "{\"retired\":false,\"name\":\"Fernwood & Co " + u + "\"}");
        assertThat(back.json().get("name").asText()).startsWith("Fernwood & Co");
        CategoriesTest.until(() -> com.fasterxml.jackson.databind.node.BooleanNode.valueOf(offered(brandId)), JsonNode::asBoolean, "the brand offered again");
        System.out.println("brand retired → off the shop's list in " + gone + " ms");

        assertThat(Api.call("POST", "/api/admin/brands", admin, "{\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(Api.call("PATCH", "/api/admin/brands/no-such-brand", admin, "{\"retired\":true}").status()).isEqualTo(404);
        assertThat(Api.call("PATCH", "/api/admin/brands/" + brandId, admin, "{\"retired\":\"yes\"}").status()).isEqualTo(400);
    }

    @Test
    void anAdminTakesAnyProductOutOfTheShop_withAReasonTheMerchantReads() throws Exception {
        String admin = Api.demo("admin");
        String merchant = Api.demo("merchant2");
        String word = "zm" + BackOfficeTest.unique().replaceAll("[^a-z]", "x");
        Api.Response made = BackOfficeTest.create(merchant, "MO-" + BackOfficeTest.unique(), "Moss Soap " + word, 650, "ACTIVE");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asText();
        BackOfficeTest.untilSearch(word, id, true);

        Api.Response moderated = Api.call("POST", "/api/admin/products/" + id + "/moderation", admin,
                "{\"reason\":\"The label claims a certification the product does not have.\"}");
        assertThat(moderated.status()).as(moderated.body()).isEqualTo(200);
        long gone = BackOfficeTest.untilSearch(word, id, false);
        System.out.println("moderated → gone from search in " + gone + " ms");
        Api.Response own = Api.call("GET", "/api/merchant/products/" + id, merchant, null);
        assertThat(own.json().get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(own.json().get("moderatedBecause").asText()).contains("certification");
        Api.Response republish = BackOfficeTest.patch(merchant, id, own.header("etag"), "{\"status\":\"ACTIVE\"}");
        assertThat(republish.status()).isEqualTo(422);
        assertThat(republish.json().get("detail").asText()).contains("certification", "Ask them");

        assertThat(Api.call("POST", "/api/admin/products/no-such-product/moderation", admin, "{\"reason\":\"Because it is.\"}").status())
                .isEqualTo(404);
        assertThat(Api.call("POST", "/api/admin/products/" + id + "/moderation", admin, "{}").status()).isEqualTo(400);
        assertThat(Api.call("POST", "/api/admin/products/" + id + "/moderation", merchant, "{\"reason\":\"Mine.\"}").status()).isEqualTo(403);
    }
}
