package shop.verdant.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.catalog.search.SortOrder;
import shop.verdant.local.DynamoDbLocalEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Search latency: the in-memory index against DynamoDB Local answering the same question with a GSI
 * query (brand + price range in the key, text as a filter) and with Scan + filter, in one run.
 */
final class SearchBench {
    private static final String TABLE = "BenchProducts";
    private static final int PAGE = 24;
    /** Results are added here so the JIT cannot drop the searches being timed. */
    static volatile long blackhole;

    static void run(int[] sizes, int dynamoMax) throws Exception {
        SyntheticCatalog catalog = new SyntheticCatalog();
        System.out.println("== search latency (JVM " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        for (int n : sizes) {
            List<CatalogItem> items = catalog.items(n, 42);
            long t0 = System.nanoTime();
            CatalogIndex index = CatalogIndex.build(1, items, catalog.categories, catalog.brands);
            System.out.printf("%,d products: index built in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            List<ProductQuery> mixed = mixedWorkload(catalog, 1000, 7);
            List<ProductQuery> comparable = comparableWorkload(catalog, 300, 11);
            timeIndex(index, mixed, 600);
            Stats mixedStats = timeIndex(index, mixed, 3000);
            timeIndex(index, comparable, 300);
            Stats indexComparable = timeIndex(index, comparable, 1500);
            System.out.printf("  index, mixed workload (text, facets, category, sorts, deep pages): %s%n", mixedStats);
            System.out.printf("  index, text+brand+price range, price_asc, %d per page + facets + total: %s%n", PAGE, indexComparable);

            if (n <= dynamoMax) {
                dynamo(items, comparable, indexComparable);
            } else {
                System.out.printf("  DynamoDB Local comparison skipped above %,d products (--dynamo-max)%n", dynamoMax);
            }
            items = null;
            index = null;
            System.gc();
        }
    }

    private static Stats timeIndex(CatalogIndex index, List<ProductQuery> queries, int runs) {
        long[] samples = new long[runs];
        for (int i = 0; i < runs; i++) {
            ProductQuery q = queries.get(i % queries.size());
            long t = System.nanoTime();
            SearchResult r = index.search(q);
            samples[i] = System.nanoTime() - t;
            blackhole += r.total();
        }
        return Stats.of(samples);
    }

    static List<ProductQuery> mixedWorkload(SyntheticCatalog c, int count, long seed) {
        Random r = new Random(seed);
        List<ProductQuery> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String material = SyntheticCatalog.MATERIALS[r.nextInt(SyntheticCatalog.MATERIALS.length)];
            String noun = SyntheticCatalog.NOUNS[r.nextInt(SyntheticCatalog.NOUNS.length)];
            String brand = c.brands.get(r.nextInt(c.brands.size())).brandId();
            String top = c.categories.get(r.nextInt(6)).categoryId();
            out.add(switch (i % 6) {
                case 0 -> new ProductQuery(material, null, Set.of(), Set.of(), null, null, Map.of(), SortOrder.RELEVANCE, PAGE, 0);
                case 1 -> new ProductQuery(material + " " + noun.substring(0, Math.min(3, noun.length())), null, Set.of(),
                        Set.of(), null, null, Map.of(), SortOrder.RELEVANCE, PAGE, 0);
                case 2 -> new ProductQuery(material, null, Set.of(brand), Set.of(), 500L, 10_000L, Map.of(), SortOrder.PRICE_ASC, PAGE, 0);
                case 3 -> new ProductQuery(null, top, Set.of(), Set.of("green", "natural"), null, null, Map.of(), SortOrder.NEWEST, PAGE, 0);
                case 4 -> new ProductQuery(null, null, Set.of(), Set.of(), null, null, Map.of(), SortOrder.NAME, PAGE, 240);
                default -> new ProductQuery(noun, null, Set.of(), Set.of(), null, null, Map.of("material", Set.of(material)),
                        SortOrder.PRICE_DESC, PAGE, 0);
            });
        }
        return out;
    }

    /** The one question a GSI can answer too: text + one brand + price range, cheapest first. */
    static List<ProductQuery> comparableWorkload(SyntheticCatalog c, int count, long seed) {
        Random r = new Random(seed);
        List<ProductQuery> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new ProductQuery(SyntheticCatalog.MATERIALS[r.nextInt(SyntheticCatalog.MATERIALS.length)], null,
                    Set.of(c.brands.get(r.nextInt(c.brands.size())).brandId()), Set.of(), 500L, 10_000L, Map.of(),
                    SortOrder.PRICE_ASC, PAGE, 0));
        }
        return out;
    }

    private static void dynamo(List<CatalogItem> items, List<ProductQuery> queries, Stats indexStats) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DynamoDbLocalEngine engine = DynamoDbLocalEngine.start(port, null);
             DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(URI.create(engine.endpoint()))
                     .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("b", "b"))).build()) {
            ddb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("productId").keyType(KeyType.HASH).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("productId").attributeType("S").build(),
                            AttributeDefinition.builder().attributeName("brandId").attributeType("S").build(),
                            AttributeDefinition.builder().attributeName("priceMinor").attributeType("N").build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byBrandPrice")
                            .keySchema(KeySchemaElement.builder().attributeName("brandId").keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName("priceMinor").keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
            long t0 = System.nanoTime();
            load(ddb, items);
            System.out.printf("  DynamoDB Local: %,d items loaded in %.1f s%n", items.size(), (System.nanoTime() - t0) / 1e9);

            for (int i = 0; i < 20; i++) {
                gsiQuery(ddb, queries.get(i));
            }
            int runs = Math.min(queries.size(), 200);
            long[] samples = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                gsiQuery(ddb, queries.get(i));
                samples[i] = System.nanoTime() - t;
            }
            Stats gsi = Stats.of(samples);
            System.out.printf("  DynamoDB Local GSI query (page only: no facets, no total): %s%n", gsi);
            System.out.printf("  -> index is %.0fx faster at p50 and %.0fx at p99 than the GSI query%n",
                    gsi.p50Millis() / indexStats.p50Millis(), gsi.p99Millis() / indexStats.p99Millis());

            long[] scans = new long[items.size() > 200_000 ? 1 : 3];
            for (int i = 0; i < scans.length; i++) {
                long t = System.nanoTime();
                scanQuery(ddb, queries.get(i));
                scans[i] = System.nanoTime() - t;
            }
            Stats scan = Stats.of(scans);
            System.out.printf("  DynamoDB Local Scan + filter: %s -> index %.0fx faster at p50%n", scan,
                    scan.p50Millis() / indexStats.p50Millis());
        }
    }

    private static void load(DynamoDbClient ddb, List<CatalogItem> items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 25) {
            List<CatalogItem> batch = items.subList(from, Math.min(items.size(), from + 25));
            futures.add(pool.submit(() -> {
                List<WriteRequest> writes = batch.stream().map(i -> WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(Map.of("productId", s(i.productId()), "brandId", s(i.brandId()),
                                "priceMinor", AttributeValue.fromN(Long.toString(i.priceMinor())),
                                "nameLower", s(i.name().toLowerCase()), "categoryId", s(i.categoryId()),
                                "colour", s(i.colour()))).build()).build()).toList();
                Map<String, List<WriteRequest>> pending = Map.of(TABLE, writes);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = ddb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** Pages through the brand's price range until a page of text matches is found or the range ends. */
    static List<Map<String, AttributeValue>> gsiQuery(DynamoDbClient ddb, ProductQuery q) {
        List<Map<String, AttributeValue>> hits = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse r = ddb.query(b -> b.tableName(TABLE).indexName("byBrandPrice")
                    .keyConditionExpression("brandId = :b AND priceMinor BETWEEN :lo AND :hi")
                    .filterExpression("contains(nameLower, :t)")
                    .expressionAttributeValues(Map.of(":b", s(q.brands().iterator().next()),
                            ":lo", AttributeValue.fromN(q.minPrice().toString()),
                            ":hi", AttributeValue.fromN(q.maxPrice().toString()), ":t", s(q.text())))
                    .scanIndexForward(true)
                    .exclusiveStartKey(exclusiveStart));
            hits.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && hits.size() < PAGE);
        return hits.subList(0, Math.min(PAGE, hits.size()));
    }

    static List<Map<String, AttributeValue>> scanQuery(DynamoDbClient ddb, ProductQuery q) {
        List<Map<String, AttributeValue>> hits = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            ScanResponse r = ddb.scan(b -> b.tableName(TABLE)
                    .filterExpression("brandId = :b AND priceMinor BETWEEN :lo AND :hi AND contains(nameLower, :t)")
                    .expressionAttributeValues(Map.of(":b", s(q.brands().iterator().next()),
                            ":lo", AttributeValue.fromN(q.minPrice().toString()),
                            ":hi", AttributeValue.fromN(q.maxPrice().toString()), ":t", s(q.text())))
                    .exclusiveStartKey(exclusiveStart));
            hits.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        hits.sort(Comparator.comparingLong(i -> Long.parseLong(i.get("priceMinor").n())));
        return hits.subList(0, Math.min(PAGE, hits.size()));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

}
