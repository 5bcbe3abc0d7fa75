package shop.verdant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import shop.verdant.http.Json;
import shop.verdant.local.LocalShop;

/**
 * A CSV import on the local shop (DynamoDB Local, the Imports stream, the gateway): rows per second for 10,000 rows,
 * and the storefront's search latency while the import runs (its rows land in the incremental index as they are
 * published) against idle search, in the same run, through the same gateway.
 */
final class ImportBench {
    static final String[] QUERIES = {"bamboo", "bottle", "soap", "brush", "linen", "glass", "cup", "bag"};

    private ImportBench() {
    }

    static void run(Path repo, int rows) throws Exception {
        System.out.printf("%n== import: %,d rows through the local shop, search latency while it runs against idle%n", rows);
        try (LocalShop shop = LocalShop.start(LocalShop.Options.forRepository(repo, repo.resolve("bench/target/import-shop")))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = shop.staffSignIn("merchant2@verdant.local", "Verdant-Merchant-2");
            JsonNode any = Json.read(get(http, shop.url().resolve("/api/products?limit=1"), null), JsonNode.class).at("/items/0");
            String category = any.get("categoryId").asText();
            StringBuilder csv = new StringBuilder("sku,name,description,price,category,material,status,stock\r\n");
            for (int i = 0; i < rows; i++) {
                csv.append("BENCH-").append(i).append(",Bench bottle ").append(i).append(",\"A bottle, for the bench\",")
                        .append(5 + i % 50).append(".95,").append(category).append(",glass,ACTIVE,").append(i % 9).append("\r\n");
            }
            long[] idle = search(http, shop.url(), 1_500, null);
            System.out.println("  idle search (100/s):  " + Stats.of(idle));

            long start = System.nanoTime();
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(shop.url().resolve("/api/merchant/imports?run=true"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            long validated = System.nanoTime();
            String id = Json.read(uploaded.body(), JsonNode.class).get("id").asText();
            AtomicBoolean running = new AtomicBoolean(true);
            List<long[]> during = new ArrayList<>();
            Thread searcher = new Thread(() -> {
                try {
                    during.add(search(http, shop.url(), Integer.MAX_VALUE, running));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            searcher.start();
            JsonNode job;
            do {
                Thread.sleep(200);
                job = Json.read(get(http, shop.url().resolve("/api/merchant/imports/" + id), token), JsonNode.class);
            } while (!job.get("status").asText().equals("DONE"));
            long done = System.nanoTime();
            running.set(false);
            searcher.join();
            System.out.printf("  upload + validation: %,d ms; run: %,d ms → %.0f rows/s (created %d, failed %d)%n",
                    (validated - start) / 1_000_000, (done - validated) / 1_000_000, rows / ((done - validated) / 1e9),
                    job.get("created").asInt(), job.get("failed").asInt());
            Stats busy = Stats.of(during.get(0));
            Stats calm = Stats.of(idle);
            System.out.println("  search during it:   " + busy);
            System.out.printf("  p99 during / idle:  %.2f×%n", busy.p99Millis() / calm.p99Millis());
        }
    }

    /**
     * Searches at 100 a second (the gateway throttles one client at 200), {@code max} of them or while {@code running};
     * their latencies.
     */
    static long[] search(HttpClient http, URI base, int max, AtomicBoolean running) throws Exception {
        List<Long> out = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < max && (running == null || running.get()); i++) {
            next += 10_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long t = System.nanoTime();
            get(http, base.resolve("/api/products?q=" + QUERIES[i % QUERIES.length] + "&limit=24"), null);
            out.add(System.nanoTime() - t);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static String get(HttpClient http, URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
