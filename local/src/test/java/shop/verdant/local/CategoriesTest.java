package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Admins reshape the category tree in the running shop: a category holding a product moves only with its contents,
 * and at once search's subtree filter, its category facet and the shop's cached tree follow; a move into its own
 * subtree is refused; a category that holds things is deleted only into another, which takes its products.
 */
class CategoriesTest {

    static JsonNode make(String admin, String name, String parentId) {
        Api.Response r = Api.call("POST", "/api/admin/categories", admin,
                "{\"name\":\"" + name + "\"" + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static List<String> ids(JsonNode search) {
        List<String> out = new ArrayList<>();
        if (search.has("items")) {
            search.get("items").forEach(i -> out.add(i.get("id").asText()));
        }
        return out;
    }

    /** A search's answer; a category search is answered 400 until the search side knows the category (then 200). */
    static JsonNode search(String query) {
        Api.Response r = Api.call("GET", "/api/products?" + query, null, null);
        assertThat(r.status()).as(r.body()).isIn(200, 400);
        return r.json();
    }

    /** Waits (5 s at most) for the shop to show what {@code done} expects, and says how long it took. */
    static long until(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done, String what) throws InterruptedException {
        long start = System.nanoTime();
        JsonNode last = null;
        for (long end = System.currentTimeMillis() + 5_000; System.currentTimeMillis() < end; Thread.sleep(50)) {
            last = read.get();
            if (done.test(last)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
        throw new AssertionError(what + " did not happen within 5 s: " + last);
    }

    static boolean facetCounts(JsonNode search, String categoryId, int count) {
        if (!search.has("facets")) {
            return false;
        }
        for (JsonNode f : search.at("/facets/category")) {
            if (f.get("value").asText().equals(categoryId)) {
                return f.get("count").asInt() == count;
            }
        }
        return count == 0;
    }

    static boolean inTree(JsonNode nodes, String id, String parent, String parentOfNodes) {
        for (JsonNode n : nodes) {
            String nodeId = n.has("categoryId") ? n.get("categoryId").asText() : n.path("id").asText();
            if (nodeId.equals(id)) {
                return java.util.Objects.equals(parent, parentOfNodes);
            }
            if (inTree(n.path("children"), id, parent, nodeId)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aMoveCarriesItsProduct_andSearchFacetsAndTheCachedTreeFollowAtOnce_cyclesRefused_deletionReassigns() throws Exception {
        String admin = Api.demo("admin");
        String merchant = Api.demo("merchant");
        String u = BackOfficeTest.unique().replaceAll("[^a-z0-9]", "");
        JsonNode root = make(admin, "Tree Root " + u, null);
        String rootId = root.get("categoryId").asText();
        String leafId = make(admin, "Tree Leaf " + u, rootId).get("categoryId").asText();
        String otherId = make(admin, "Tree Other " + u, null).get("categoryId").asText();
        assertThat(leafId).startsWith("tree-leaf-");

        String word = "zc" + u.replaceAll("[^a-z]", "x");
        String body = BackOfficeTest.productBody("CT-" + u, "Tree Cup " + word, 1500, "ACTIVE").replace(BackOfficeTest.category(), leafId);
        Api.Response made = Api.call("POST", "/api/merchant/products", merchant, body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asText();
        until(() -> search("q=" + word + "&category=" + rootId), s -> ids(s).contains(id), "the product in its root's subtree");

        JsonNode listed = Api.call("GET", "/api/admin/categories", admin, null).json().get("items");
        JsonNode leafRow = null;
        for (JsonNode r : listed) {
            if (r.get("categoryId").asText().equals(leafId)) {
                leafRow = r;
            }
        }
        assertThat(leafRow).isNotNull();
        assertThat(leafRow.get("products").asInt()).isEqualTo(1);
        assertThat(leafRow.get("parentId").asText()).isEqualTo(rootId);

        // a category that holds a product moves only with it
        Api.Response blind = Api.call("PATCH", "/api/admin/categories/" + leafId, admin, "{\"parentId\":\"" + otherId + "\"}");
        assertThat(blind.status()).isEqualTo(409);
        assertThat(blind.json().get("detail").asText()).contains("1 product", "withContents");
        Api.Response moved = Api.call("PATCH", "/api/admin/categories/" + leafId, admin,
                "{\"parentId\":\"" + otherId + "\",\"withContents\":true}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        long subtree = until(() -> search("q=" + word + "&category=" + otherId), s -> ids(s).contains(id), "the new subtree");
        assertThat(ids(search("q=" + word + "&category=" + rootId))).as("gone from the old subtree").doesNotContain(id);
        long facets = until(() -> search("q=" + word), s -> facetCounts(s, otherId, 1) && facetCounts(s, rootId, 0), "the facets");
        long tree = until(() -> Api.call("GET", "/api/categories", null, null).json(),
                t -> inTree(t.path("categories"), leafId, otherId, null), "the shop's tree");
        System.out.println("category moved → subtree search in " + subtree + " ms, facets " + facets + " ms, cached tree " + tree + " ms");

        // no cycles
        Api.Response cycle = Api.call("PATCH", "/api/admin/categories/" + otherId, admin,
                "{\"parentId\":\"" + leafId + "\",\"withContents\":true}");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("type").asText()).endsWith("category-cycle");
        assertThat(Api.call("PATCH", "/api/admin/categories/" + leafId, admin, "{\"parentId\":\"" + leafId + "\"}").status()).isEqualTo(422);
        assertThat(Api.call("PATCH", "/api/admin/categories/" + leafId, admin, "{\"parentId\":\"no-such-category\"}").status()).isEqualTo(400);
        assertThat(Api.call("PATCH", "/api/admin/categories/" + leafId, admin, "{\"colour\":\"red\"}").status()).isEqualTo(400);

        // deleting one that holds things needs a category that takes them
        Api.Response refused = Api.call("DELETE", "/api/admin/categories/" + leafId, admin, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Api.call("DELETE", "/api/admin/categories/" + otherId + "?reassignTo=" + leafId, admin, null).status())
                .as("not into its own subtree").isEqualTo(422);
        Api.Response deleted = Api.call("DELETE", "/api/admin/categories/" + leafId + "?reassignTo=" + otherId, admin, null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("products").asInt()).isEqualTo(1);
        assertThat(Api.call("GET", "/api/merchant/products/" + id, merchant, null).json().get("categoryId").asText()).isEqualTo(otherId);
        until(() -> search("q=" + word + "&category=" + otherId), s -> ids(s).contains(id), "the product in the category that took it");
        until(() -> Api.call("GET", "/api/categories", null, null).json(),
                t -> !t.toString().contains("\"" + leafId + "\""), "the deleted category gone from the shop's tree");
        assertThat(Api.call("DELETE", "/api/admin/categories/" + rootId, admin, null).status()).as("an empty one goes").isEqualTo(200);
        assertThat(Api.call("DELETE", "/api/admin/categories/" + rootId, admin, null).status()).isEqualTo(404);
        assertThat(Api.call("POST", "/api/admin/categories", admin, "{\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(Api.call("POST", "/api/admin/categories", merchant, "{\"name\":\"Mine\"}").status()).isEqualTo(403);
    }
}
