package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSV imports through the local gateway, run by the Imports stream as on AWS: a dry run that writes nothing, the run,
 * its report, a re-run of the same file that changes nothing, the failures other shops' importers are known for, and
 * 10,000 rows end to end. Merchant B imports (an empty shop), so the counts are the file's.
 */
class ImportTest {
    static String merchant;
    static String category;

    @BeforeAll
    static void setUp() {
        merchant = Api.demo("merchant2");
        category = BackOfficeTest.category();
    }

    static Api.Response upload(String csv, boolean run) throws Exception {
        return upload(merchant, csv, run);
    }

    /** {@code token}'s upload of {@code csv} as text/csv. */
    static Api.Response upload(String token, String csv, boolean run) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestShop.get().url() + "api/merchant/imports" + (run ? "?run=true" : "")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        HttpResponse<String> r;
        try {
            r = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        return new Api.Response(r.statusCode(), r.body(), headers);
    }

    /** The job once it is DONE (60 s at most), polled as the site's progress bar does. */
    static JsonNode done(String id) throws InterruptedException {
        return done(id, 60);
    }

    static JsonNode done(String id, int seconds) throws InterruptedException {
        JsonNode job = null;
        for (long end = System.currentTimeMillis() + seconds * 1000L; System.currentTimeMillis() < end; Thread.sleep(100)) {
            job = Api.call("GET", "/api/merchant/imports/" + id, merchant, null).json();
            if (job.get("status").asText().equals("DONE")) {
                return job;
            }
        }
        throw new AssertionError("import " + id + " did not finish: " + job);
    }

    static String rows(String prefix, int n, int firstBad) {
        StringBuilder csv = new StringBuilder("\uFEFFSKU, Name ,Description,Price,CATEGORY,colour,material,Status,stock\r\n");
        for (int i = 0; i < n; i++) {
            String price = i >= firstBad && i < firstBad + 3 ? (i == firstBad ? "free" : i == firstBad + 1 ? "0" : "5.00") : (5 + i % 40) + ".95";
            String cat = i == firstBad + 2 ? "no-such-category" : category;
            csv.append(prefix).append('-').append(i).append(",\"Jute bag \"\"Märkt\"\" nº").append(i).append("\",")
                    .append("\"Strong, light,\r\nand washable\",").append(price).append(',').append(cat).append(",natural,jute,ACTIVE,")
                    .append(i % 7).append("\r\n");
        }
        return csv.toString();
    }

    static int productsOfB() {
        return BackOfficeTest.productsOf("merchant-fernhill");
    }

    @Test
    void aDryRunWritesNothing_theRunImportsTheGoodRows_andTheReportNamesTheBadOnes_andARerunChangesNothing() throws Exception {
        String prefix = "IMP" + UUID.randomUUID().toString().substring(0, 6);
        String csv = rows(prefix, 50, 10);
        int before = productsOfB();
        Api.Response dry = upload(csv, false);
        assertThat(dry.status()).as(dry.body()).isEqualTo(201);
        JsonNode job = dry.json();
        assertThat(job.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(50);
        assertThat(job.get("rowsValid").asInt()).isEqualTo(47);
        List<String> problems = new ArrayList<>();
        job.get("errors").forEach(e -> problems.add(e.get("row").asInt() + " " + e.get("column").asText()));
        assertThat(problems).containsExactly("12 price", "13 price", "14 category");
        Thread.sleep(500);
        assertThat(productsOfB()).as("a dry run writes no product").isEqualTo(before);

        Api.Response started = Api.call("POST", "/api/merchant/imports/" + job.get("id").asText() + "/run", merchant, null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(Api.call("POST", "/api/merchant/imports/" + job.get("id").asText() + "/run", merchant, null).status())
                .as("once").isEqualTo(409);
        JsonNode ran = done(job.get("id").asText());
        assertThat(ran.get("created").asInt()).isEqualTo(47);
        assertThat(ran.get("rowsDone").asInt()).isEqualTo(47);
        assertThat(productsOfB()).isEqualTo(before + 47);
        Api.Response report = Api.call("GET", "/api/merchant/imports/" + job.get("id").asText() + "/errors", merchant, null);
        assertThat(report.header("content-type")).startsWith("text/csv");
        assertThat(report.body().lines().toList()).hasSize(4).first().isEqualTo("row,column,message");
        assertThat(report.body()).contains("12,price,").contains("14,category,");

        // what the file says arrived as it says it: quotes, line breaks, Unicode, stock with an import movement
        JsonNode p = null;
        for (JsonNode item : Api.call("GET", "/api/merchant/products?q=" + prefix.toLowerCase() + "-3&limit=20", merchant, null).json()
                .get("items")) {
            if (item.get("sku").asText().equals(prefix + "-3")) {
                p = item;
            }
        }
        assertThat(p).as("row 5 (SKU -3) imported").isNotNull();
        assertThat(p.get("name").asText()).startsWith("Jute bag \"Märkt\" nº3");
        assertThat(p.get("description").asText()).isEqualTo("Strong, light,\r\nand washable");
        assertThat(p.at("/stock/available").asLong()).isEqualTo(3);
        JsonNode moves = Api.call("GET", "/api/merchant/products/" + p.get("id").asText() + "/stock", merchant, null).json();
        assertThat(moves.at("/movements/0/reason").asText()).isEqualTo("import");

        // the same file again: every row is there already, nothing changes
        Api.Response again = upload(csv, true);
        JsonNode rerun = done(again.json().get("id").asText());
        assertThat(rerun.get("unchanged").asInt()).isEqualTo(47);
        assertThat(rerun.get("created").asInt() + rerun.get("updated").asInt()).isZero();
        assertThat(productsOfB()).isEqualTo(before + 47);
    }

    @Test
    void theFailuresOtherImportersAreKnownFor() throws Exception {
        // an id column (a file from another shop turning creates into updates) is refused before anything is kept
        Api.Response ids = upload("id,sku,name,price,category\r\n" + Api.productWithPlentyOfStock() + ",X-1,Cup,5.00," + category + "\r\n", true);
        assertThat(ids.status()).isEqualTo(400);
        assertThat(ids.body()).contains("header.id", "matched by your SKU");
        // exact-match column names: "Sku" and " PRICE " are the template's columns
        String prefix = "CASE" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response cased = upload("Sku, Name\r\n" + prefix + "-0,Cup\r\n", false);
        assertThat(cased.status()).isEqualTo(400);   // name present, price and category missing: named
        assertThat(cased.body()).contains("header.price", "header.category");
        Api.Response ok = upload("Sku, NAME , Price,category\n" + prefix + "-1,Tasse 日本 ☕,3.50," + category + "\n", true);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(done(ok.json().get("id").asText()).get("created").asInt()).isEqualTo(1);
        // not a CSV at all: an unterminated quote is a 400 that says where
        Api.Response broken = upload("sku,name,price,category\n\"X-1,Cup,5.00," + category + "\n", false);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        // the template, as downloaded, is a file the shop takes: its example row is valid here
        String template = Api.call("GET", "/api/merchant/import-template", merchant, null).body();
        JsonNode checked = upload(template, false).json();
        assertThat(checked.get("rowsValid").asInt()).as(checked.toString()).isEqualTo(1);
        // another merchant's import is not found
        assertThat(Api.call("GET", "/api/merchant/imports/" + ok.json().get("id").asText(), Api.demo("merchant"), null).status())
                .isEqualTo(404);
    }

    @Test
    void tenThousandRowsEndToEnd() throws Exception {
        String prefix = "BIG" + UUID.randomUUID().toString().substring(0, 6);
        int before = productsOfB();
        long start = System.nanoTime();
        Api.Response started = upload(rows(prefix, 10_000, 20_000), true);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long uploaded = System.nanoTime();
        // about 55 s here (DynamoDB Local applies one transaction at a time); a slower machine gets room
        JsonNode job = done(started.json().get("id").asText(), 240);
        long finished = System.nanoTime();
        assertThat(job.get("created").asInt()).isEqualTo(10_000);
        assertThat(job.get("failed").asInt()).isZero();
        assertThat(productsOfB()).isEqualTo(before + 10_000);
        System.out.printf("10,000 rows: validated in %d ms, imported in %d ms (%.0f rows/s)%n", (uploaded - start) / 1_000_000,
                (finished - uploaded) / 1_000_000, 10_000 / ((finished - uploaded) / 1e9));
    }
}
