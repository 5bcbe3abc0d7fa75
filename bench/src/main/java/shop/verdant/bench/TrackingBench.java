package shop.verdant.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import shop.verdant.adapter.opensearch.OpenSearchBulk;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.opensearch.TrackingIndices;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.application.tracking.BufferedDelivery;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.catalog.SearchProductsHandler;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.PageCursor;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.domain.common.Keyring;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.Visit;
import shop.verdant.http.BehaviourSinks;
import shop.verdant.http.BufferedSink;
import shop.verdant.http.Metrics;
import shop.verdant.local.OpenSearchEngine;

/**
 * What tracking costs and how fast it delivers, in one run on one machine:
 * <ol>
 *   <li>the search handler (GET /api/products, in process, over a 10,000-product index) with tracking off, with the
 *       AWS sink (one log line per search to standard output, here a file as Lambda's is a pipe) and with the local
 *       buffered sink, interleaved in rounds so drift hits all three alike: p50/p99 and the difference to off;</li>
 *   <li>events per second into the local OpenSearch by bulk (BufferedDelivery, 500 a request);</li>
 *   <li>time from an event's emission until a search finds it (the local 1 s buffer, OpenSearch's 1 s refresh).</li>
 * </ol>
 */
final class TrackingBench {
    static final int PRODUCTS = 10_000;
    static final int ROUNDS = 12;
    static final int PER_ROUND = 2_500;

    static void run() throws Exception {
        System.out.println("== tracking (JVM " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        SyntheticCatalog catalog = new SyntheticCatalog();
        List<CatalogItem> items = catalog.items(PRODUCTS, 42);
        CatalogIndex index = CatalogIndex.build(1, items, catalog.categories, catalog.brands);
        CatalogSearch search = new CatalogSearch() {
            public Answer search(ProductQuery q) {
                return new Answer(index.search(q), id -> id);
            }

            public List<CatalogItem> related(String productId, int limit) {
                return List.of();
            }

            public shop.verdant.domain.catalog.CategoryTree categories() {
                return index.categories();
            }

            public shop.verdant.domain.catalog.search.BrandNames labels() {
                return id -> id;
            }
        };
        ProductQueryParser parser = new ProductQueryParser(new PageCursor(Keyring.parse("k1:" + "x".repeat(43))));
        try (OpenSearchEngine engine = OpenSearchEngine.start(free(), free(), null)) {
            OpenSearchHttp http = OpenSearchHttp.unsigned(engine.url());
            TrackingIndices.apply(http);
            BufferedDelivery delivery = new BufferedDelivery("bench-delivery", new OpenSearchBulk(http, "behaviour", Clock.systemUTC()),
                    new BufferedDelivery.Limits(500, 5L << 20, 1_000 * 1024, 200_000, Duration.ofSeconds(1), Duration.ofSeconds(5)));
            Path lines = Files.createTempFile("behaviour-lines", ".jsonl");
            PrintStream realOut = System.out;
            PrintStream file = new PrintStream(new FileOutputStream(lines.toFile()), false, StandardCharsets.UTF_8);
            Map<String, SearchProductsHandler> handlers = new java.util.LinkedHashMap<>();
            handlers.put("off", new SearchProductsHandler(search, parser, "/", Metrics.NONE, Tracker.NONE));
            handlers.put("log lines (AWS)", new SearchProductsHandler(search, parser, "/", Metrics.NONE,
                    new Tracker(new BehaviourSinks.LogLines())));
            handlers.put("buffered (local)", new SearchProductsHandler(search, parser, "/", Metrics.NONE,
                    new Tracker(new BufferedSink(delivery))));
            List<APIGatewayProxyRequestEvent> requests = requests(catalog, 2_000);
            Map<String, List<Long>> samples = new java.util.LinkedHashMap<>();
            handlers.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
            // warm-up, then rounds in rotating order; standard output goes to a file while handlers run (the log sink's cost)
            System.setOut(file);
            try {
                for (var h : handlers.values()) {
                    for (int i = 0; i < 4_000; i++) {
                        h.handleRequest(requests.get(i % requests.size()), null);
                    }
                }
                List<String> order = new ArrayList<>(handlers.keySet());
                for (int round = 0; round < ROUNDS; round++) {
                    java.util.Collections.rotate(order, 1);
                    for (String mode : order) {
                        SearchProductsHandler h = handlers.get(mode);
                        for (int i = 0; i < PER_ROUND; i++) {
                            var r = requests.get((round * PER_ROUND + i) % requests.size());
                            long t0 = System.nanoTime();
                            h.handleRequest(r, null);
                            samples.get(mode).add(System.nanoTime() - t0);
                        }
                    }
                }
            } finally {
                file.flush();
                System.setOut(realOut);
            }
            Stats off = stats(samples.get("off"));
            realOut.printf("search handler, %,d products, %d rounds x %,d searches per mode (interleaved):%n", PRODUCTS, ROUNDS, PER_ROUND);
            for (var e : samples.entrySet()) {
                Stats s = stats(e.getValue());
                realOut.printf("  %-18s p50 %.3f ms  p99 %.3f ms  (p50 %+.4f ms, p99 %+.4f ms against off)%n", e.getKey(),
                        s.p50Millis(), s.p99Millis(), s.p50Millis() - off.p50Millis(), s.p99Millis() - off.p99Millis());
            }
            // noise: the spread of off's own p99 between rounds
            double[] roundP99 = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                roundP99[round] = stats(samples.get("off").subList(round * PER_ROUND, (round + 1) * PER_ROUND)).p99Millis();
            }
            Arrays.sort(roundP99);
            realOut.printf("  noise: tracking off's p99 per round ranges %.3f-%.3f ms%n", roundP99[0], roundP99[ROUNDS - 1]);
            realOut.printf("  %,d log lines written (%,d bytes)%n", Files.lines(lines).count(), Files.size(lines));
            delivery.flush(Duration.ofSeconds(60));

            // --- the emit call alone, as the handler pays it (the search event of a request, built and handed over)
            System.setOut(file);
            Map<String, long[]> emits = new java.util.LinkedHashMap<>();
            try {
                Map<String, Tracker> trackers = Map.of("log lines (AWS)", new Tracker(new BehaviourSinks.LogLines()),
                        "buffered (local)", new Tracker(new BufferedSink(delivery)));
                ProductQuery q = parser.parse(Map.of("q", List.of("bamboo brush"), "brand", List.of("brand-3"))).query();
                for (var e : new java.util.TreeMap<>(trackers).entrySet()) {
                    long[] t = new long[60_000];
                    for (int i = 0; i < t.length; i++) {
                        long t0 = System.nanoTime();
                        e.getValue().track(new Visit("visitor-1000" + (i % 5_000), "session-00000001", null), Tracker.search(q, i % 40));
                        t[i] = System.nanoTime() - t0;
                        if (i % 400 == 399) {
                            Thread.sleep(1);   // ~400 events a millisecond at most: the buffer never fills
                        }
                    }
                    emits.put(e.getKey(), java.util.Arrays.copyOfRange(t, 10_000, t.length));
                }
            } finally {
                file.flush();
                System.setOut(realOut);
            }
            emits.forEach((k, t) -> {
                Stats s = Stats.of(t);
                realOut.printf("  emit alone, %-18s p50 %.4f ms  p99 %.4f ms (%,d events)%n", k, s.p50Millis(), s.p99Millis(), t.length);
            });
            delivery.flush(Duration.ofSeconds(60));

            // --- bulk throughput
            int n = 100_000;
            var before = delivery.stats();
            long t0 = System.nanoTime();
            Tracker tracker = new Tracker(new BufferedSink(delivery));
            Visit visit = new Visit("bench-visitor-0001", "bench-session-01", null);
            Random random = new Random(5);
            for (int i = 0; i < n; i++) {
                tracker.track(visit, new BehaviourEvent.Search("bench term " + random.nextInt(500), List.of("brand"),
                        List.of("brand=b" + random.nextInt(20)), "relevance", 1, random.nextInt(50)));
            }
            double offerSeconds = (System.nanoTime() - t0) / 1e9;
            boolean done = delivery.flush(Duration.ofSeconds(300));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long delivered = delivery.stats().delivered() - before.delivered();
            realOut.printf("bulk into OpenSearch: %,d events in %.2f s = %,.0f events/s (offered in %.2f s; all delivered: %s, dropped %d)%n",
                    delivered, seconds, delivered / seconds, offerSeconds, done, delivery.stats().droppedOverflow());

            // --- event to searchable
            long[] visible = new long[20];
            for (int i = 0; i < visible.length; i++) {
                String visitor = "visible-" + UUID.randomUUID();
                long start = System.nanoTime();
                tracker.track(new Visit(visitor, null, null), new BehaviourEvent.Search("visible", List.of(), List.of(), "relevance", 1, 1));
                while (http.send("POST", "behaviour-*/_count", Map.of("query", Map.of("term", Map.of("visitorId", visitor))))
                        .get("count").asLong() == 0) {
                    Thread.sleep(20);
                }
                visible[i] = System.nanoTime() - start;
            }
            Stats v = Stats.of(visible);
            realOut.printf("event to searchable (local: 1 s buffer interval, 1 s refresh): p50 %.2f s, max %.2f s over %d events%n",
                    v.p50Millis() / 1000, Arrays.stream(visible).max().orElse(0) / 1e9, visible.length);
            realOut.printf("on AWS: Firehose buffers %d s (or 5 MiB), then the index refreshes within 1 s: about %d s%n",
                    AWS_BUFFER_SECONDS, AWS_BUFFER_SECONDS + 1);
            delivery.close();
        }
    }

    /** The delivery streams' buffering interval (AnalyticsStack.BUFFER_SECONDS). */
    static final int AWS_BUFFER_SECONDS = 60;

    static Stats stats(List<Long> nanos) {
        return Stats.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static List<APIGatewayProxyRequestEvent> requests(SyntheticCatalog catalog, int n) {
        Random r = new Random(9);
        String[] words = {"bamboo", "glass", "bottle", "soap", "brush", "linen", "cork", "steel", "wool", "refill"};
        List<APIGatewayProxyRequestEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> q = new java.util.HashMap<>();
            q.put("q", words[r.nextInt(words.length)] + (r.nextBoolean() ? " " + words[r.nextInt(words.length)] : ""));
            if (r.nextInt(3) == 0) {
                q.put("sort", "price_asc");
            }
            APIGatewayProxyRequestEvent e = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/api/products")
                    .withQueryStringParameters(q)
                    .withHeaders(Map.of("X-Visitor-Id", "visitor-" + (10_000_000 + r.nextInt(5_000)), "X-Session-Id", "session-" + (10_000_000 + i)));
            out.add(e);
        }
        return out;
    }

    private static int free() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
