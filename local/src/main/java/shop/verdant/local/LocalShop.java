package shop.verdant.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import shop.verdant.adapter.jwt.CognitoPoolsVerifier;
import shop.verdant.adapter.jwt.CognitoTokenVerifier;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbBrandRepository;
import shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.dynamodb.TableRequests;
import shop.verdant.adapter.opensearch.OpenSearchCatalog;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.redis.RedisCatalog;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.ManageCatalog;
import shop.verdant.config.SecretSource;
import shop.verdant.domain.catalog.Product;
import shop.verdant.contract.Need;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole shop on one machine: DynamoDB Local, Redis and S3Mock started in parallel, tables and
 * bucket created, the demo catalog seeded on first start, and the gateway serving the storefront and
 * the API through the same handlers Lambda runs.
 */
public final class LocalShop implements AutoCloseable {
    public static final String BUCKET = "verdant-images";

    static {
        // Jetty (DynamoDB Local's and the gateway's) logs through slf4j: its start-up chatter is not the shop's
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }

    /**
     * What to start where. Port 0 picks a free port; a null dataDir keeps everything in memory;
     * {@code s3MockJar} is S3Mock's executable jar, which the build copies to {@code local/target/engines}.
     */
    public record Options(int port, int dynamoDbPort, int redisPort, int s3Port, int cognitoPort, Path dataDir,
                          Path siteDir, Path workDir, Path s3MockJar, Path cognitoPackage, int orderExpirySeconds,
                          int sweepSeconds, StripeStandIn.Delivery stripeDelivery, String search, int catalogSize) {
        public static Options defaults() {
            Path target = codeHome();
            return new Options(8080, 0, 0, 0, 0, null, target.resolve("../../site").normalize(),
                    target.resolve("local-shop"), target.resolve("engines/s3mock.jar"),
                    target.resolve("../cognito").normalize(), 900, 15, StripeStandIn.Delivery.PROMPT, "memory", 0);
        }

        /** Defaults for a repository checkout at {@code repo}, on free ports, in memory. */
        public static Options forRepository(Path repo, Path workDir) {
            return new Options(0, 0, 0, 0, 0, null, repo.resolve("site"), workDir,
                    repo.resolve("local/target/engines/s3mock.jar"), repo.resolve("local/cognito"), 900, 15,
                    StripeStandIn.Delivery.PROMPT, "memory", 0);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, workDir, s3MockJar,
                    cognitoPackage, orderExpirySeconds, sweepSeconds, stripeDelivery, search, catalogSize);
        }

        public Options withOrders(int expirySeconds, int sweepEverySeconds) {
            return new Options(port, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, workDir, s3MockJar,
                    cognitoPackage, expirySeconds, sweepEverySeconds, stripeDelivery, search, catalogSize);
        }

        /** How the Stripe stand-in delivers webhooks (duplicates, delays that reorder them). */
        public Options withStripeDelivery(StripeStandIn.Delivery delivery) {
            return new Options(port, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, workDir, s3MockJar,
                    cognitoPackage, orderExpirySeconds, sweepSeconds, delivery, search, catalogSize);
        }

        /** {@code backend}: "memory" (the in-memory index) or "opensearch" (also starts OpenSearch). */
        public Options withSearch(String backend) {
            if (!backend.equals("memory") && !backend.equals("opensearch")) {
                throw new IllegalArgumentException("--search is memory or opensearch, not " + backend);
            }
            return new Options(port, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, workDir, s3MockJar,
                    cognitoPackage, orderExpirySeconds, sweepSeconds, stripeDelivery, backend, catalogSize);
        }

        /** Seeds {@code n} synthetic products in the demo's shape instead of the demo catalog (0: the demo). */
        public Options withCatalogSize(int n) {
            return new Options(port, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, workDir, s3MockJar,
                    cognitoPackage, orderExpirySeconds, sweepSeconds, stripeDelivery, search, n);
        }

        public Options withWorkDir(Path dir) {
            return new Options(port, dynamoDbPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, dir, s3MockJar,
                    cognitoPackage, orderExpirySeconds, sweepSeconds, stripeDelivery, search, catalogSize);
        }
    }

    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private Gateway gateway;
    private LocalTriggers triggers;
    private String cognitoEndpoint;
    private CognitoSetup.Pools userPools;
    private CognitoLocalEngine cognitoLocal;
    private Path accessLog;
    private long readyMillis;
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private StripeStandIn stripe;
    private LocalTracking tracking;
    private LocalMailbox mailbox;
    private volatile boolean closed;

    private LocalShop() {
    }

    public static LocalShop start(Options o) throws Exception {
        LocalShop shop = new LocalShop();
        try {
            shop.boot(o);
        } catch (Exception | Error e) {
            shop.close();
            throw e;
        }
        return shop;
    }

    private void boot(Options o) throws Exception {
        long t0 = System.nanoTime();
        int dynamoPort = Ports.resolve(o.dynamoDbPort());
        int redisPort = Ports.resolve(o.redisPort());
        int s3Port = Ports.resolve(o.s3Port());
        int s3HttpsPort = Ports.resolve(0);
        int cognitoPort = Ports.resolve(o.cognitoPort());
        Path data = o.dataDir();
        Path work = o.workDir();
        Files.createDirectories(work);
        Path cognitoData = data != null ? data.resolve("cognito") : Files.createTempDirectory(work, "cognito-");
        if (data == null) {
            track(() -> deleteTree(cognitoData));
        }
        // the site's vendored libraries (Chart.js, the QR code): installed when any of them is missing
        String missingVendor = shop.verdant.contract.SiteVendor.FILES.values().stream()
                .filter(f -> !Files.isRegularFile(o.siteDir().resolve(f))).findFirst()
                .orElse(shop.verdant.contract.SiteVendor.FILES.get("chart.umd.js"));
        CompletableFuture<Path> chartJs = CompletableFuture.supplyAsync(() -> call(() -> Npm.ensureInstalled(o.siteDir(),
                missingVendor, "the storefront's vendored libraries", work.resolve("site-npm-install.log"))));
        CompletableFuture<CognitoLocalEngine> cognitoEngine = CompletableFuture.supplyAsync(() -> call(() -> track(
                CognitoLocalEngine.start(o.cognitoPackage(), cognitoPort, cognitoData, work.resolve("cognito-local.log")))));

        CompletableFuture<S3MockEngine> s3 = CompletableFuture.supplyAsync(() -> call(() -> track(S3MockEngine.start(
                o.s3MockJar(), s3Port, s3HttpsPort, BUCKET,
                data == null ? null : data.resolve("s3"), work.resolve("s3mock.log")))));
        Map<String, String> secrets = LocalSecrets.load(data);
        secrets.forEach(System::setProperty);
        CompletableFuture<RedisEngine> redis = CompletableFuture.supplyAsync(() -> call(() -> track(RedisEngine.start(
                redisPort, data == null ? null : data.resolve("redis"), secrets.get(shop.verdant.contract.Need.REDIS.secretName())))));
        // OpenSearch holds the behaviour events and access logs (and serves search with --search opensearch);
        // VERDANT_OPENSEARCH_URL names one already running instead (the tests share one per JVM)
        String runningSearch = shop.verdant.config.Env.get("VERDANT_OPENSEARCH_URL", null);
        CompletableFuture<String> openSearch = runningSearch != null ? CompletableFuture.completedFuture(runningSearch)
                : CompletableFuture.supplyAsync(() -> call(() -> track(OpenSearchEngine.start(Ports.resolve(0), Ports.resolve(0),
                        data == null ? null : data.resolve("opensearch"))).url()));
        DynamoDbLocalEngine dynamo = track(DynamoDbLocalEngine.start(dynamoPort,
                data == null ? null : data.resolve("dynamodb")));

        configure(dynamo.endpoint(), redis.join().url());
        // the demo data is written as the seed (before the change feed is followed: it is the start, not a change)
        DynamoDbClient ddb = DynamoDb.clientActingAs(shop.verdant.domain.audit.Actor.system("seed", null));
        for (TableSpec spec : Tables.ALL) {
            TableRequests.ensureTable(ddb, spec, spec.logicalName());
        }
        RedisCatalog catalogCache = track(RedisCatalog.fromEnvironment(SecretSource.settings()));
        var products = new DynamoDbProductRepository(ddb, Tables.PRODUCTS.logicalName());
        var categories = new DynamoDbCategoryRepository(ddb, Tables.CATEGORIES.logicalName());
        ManageCatalog manage = new ManageCatalog(products, categories,
                new DynamoDbBrandRepository(ddb, Tables.BRANDS.logicalName()),
                catalogCache.snapshots(), catalogCache.cache());

        List<Product> seeded = List.of();
        if (categories.findAll().isEmpty()) {
            DemoCatalog.Data demo = DemoCatalog.generate(o.catalogSize());
            demo.brands().forEach(manage::saveBrand);
            demo.categories().forEach(manage::saveCategory);
            int slices = Math.max(1, Math.min(8, demo.products().size() / 500));
            List<Product> all = demo.products();
            java.util.stream.IntStream.range(0, slices).parallel().forEach(k -> products.seed(
                    all.subList(k * all.size() / slices, (k + 1) * all.size() / slices)));
            seeded = demo.products();
            phase("seeded " + seeded.size() + " products", t0);
            // the SKU guards the back office writes with every product, for the seeded ones: after the start, as a
            // big synthetic catalog would otherwise take twice as long to seed
            List<Product> guarded = seeded;
            CompletableFuture<Void> guards = CompletableFuture.runAsync(() -> new shop.verdant.adapter.dynamodb.DynamoDbMerchantCatalog(ddb,
                    Tables.PRODUCTS.logicalName(), Tables.PRODUCT_SKUS.logicalName(), Tables.STOCK_MOVEMENTS.logicalName())
                    .seedGuards(guarded));
            track(() -> guards.exceptionally(e -> null).join());
        }
        // a fresh catalog is published as seeded; one kept from the last run is read back from the table
        List<Product> catalog = seeded.isEmpty() ? products.listAllForSnapshot() : seeded;
        int shoppable = manage.publishSnapshot(catalog);
        phase("snapshot published", t0);

        CompletableFuture<Void> indexed = CompletableFuture.completedFuture(null);
        String openSearchUrl = openSearch.join();
        OpenSearchHttp openSearchHttp = OpenSearchHttp.unsigned(openSearchUrl);
        tracking = track(new LocalTracking(openSearchHttp, java.time.Clock.systemUTC()));
        mailbox = new LocalMailbox(work.resolve("mailbox.jsonl"));
        // every handler created from here on emits into the local delivery, as Lambda ships their log lines on AWS
        shop.verdant.http.BehaviourSinks.install(tracking.behaviourSink());
        // and every email they send lands in the local mailbox, as SES would deliver it on AWS
        shop.verdant.http.Mailers.install(mailbox);
        System.setProperty("OPENSEARCH_URL", openSearchUrl);
        endpoints.put("OpenSearch", openSearchUrl + " (behaviour-*, access-logs-*" + (o.search().equals("opensearch")
                ? "; search served from index " + SEARCH_INDEX + ")" : ")"));
        if (o.search().equals("opensearch")) {
            BrowseCategories browse = new BrowseCategories(categories,
                    new DynamoDbBrandRepository(ddb, Tables.BRANDS.logicalName()), catalogCache.cache());
            OpenSearchCatalog index = new OpenSearchCatalog(openSearchHttp, SEARCH_INDEX,
                    browse::categoryTree, browse::brandNames);
            index.ensureIndex(0);
            indexed = CompletableFuture.runAsync(() -> index.replaceAll(catalog.stream().filter(Product::isVisibleToShoppers)
                    .map(shop.verdant.domain.catalog.search.CatalogItem::from).toList()));
            System.setProperty("SEARCH_BACKEND", "opensearch");
            System.setProperty("OPENSEARCH_INDEX", SEARCH_INDEX);
        }
        S3MockEngine images = s3.join();
        // the image functions reach S3Mock; the back office signs uploads to the gateway's upload endpoint
        System.setProperty("S3_ENDPOINT", images.endpoint());
        System.setProperty(shop.verdant.contract.Buckets.IMAGES.envVar(), BUCKET);
        System.setProperty("IMAGES_UPLOAD_URL", Gateway.UPLOADS_PATH);
        S3Client imageClient = track(s3Client(images.endpoint()));
        if (!seeded.isEmpty()) {
            uploadImages(images.endpoint(), seeded);
            phase("images uploaded", t0);
        }
        indexed.join();

        CognitoLocalEngine cognito = cognitoEngine.join();
        CognitoSetup.Pools pools;
        try (CognitoSetup setup = new CognitoSetup(cognito.endpoint())) {
            pools = setup.ensurePools();
        }
        CognitoSetup.Pool pool = pools.customers();
        System.setProperty("COGNITO_ISSUER", pool.issuer());
        System.setProperty("COGNITO_CLIENT_ID", pool.clientId());
        System.setProperty("USER_POOL_ID", pool.userPoolId());   // the call centre's customer directory
        // staff groups count only in the staff pool's tokens, as on AWS; admins invite merchants into it
        System.setProperty("STAFF_ISSUER", pools.staff().issuer());
        System.setProperty("STAFF_CLIENT_ID", pools.staff().clientId());
        System.setProperty("STAFF_POOL_ID", pools.staff().userPoolId());
        System.setProperty("ORDER_EXPIRY_SECONDS", Integer.toString(o.orderExpirySeconds()));
        cognitoEndpoint = cognito.endpoint();
        cognitoLocal = cognito;
        userPools = pools;

        accessLog = work.resolve("access-log.jsonl");
        Map<String, Object> siteConfig = new LinkedHashMap<>();
        siteConfig.put("apiBase", "/api");
        siteConfig.put("environment", "local");
        siteConfig.put("cognito", Map.of("endpoint", "/cognito/", "region", "local",
                "userPoolId", pool.userPoolId(), "clientId", pool.clientId()));
        siteConfig.put("staff", Map.of("endpoint", "/cognito/", "region", "local",
                "userPoolId", pools.staff().userPoolId(), "clientId", pools.staff().clientId()));
        System.setProperty("COGNITO_ENDPOINT", cognito.endpoint());
        LocalTriggers triggers = track(LocalTriggers.start(dynamo.endpoint(), ddb, pool.userPoolId(), o.sweepSeconds()));
        gateway = track(new Gateway(o.port(), triggers.routes(), o.siteDir(), images.endpoint() + "/" + BUCKET,
                () -> siteConfig, accessLog));
        gateway.accessLogDelivery(tracking.accessLogs());
        // one authorizer for both pools, as the stage's Cognito authorizer lists both
        gateway.authorizer(verifier(pools, CognitoTokenVerifier.TokenUse.ID));
        gateway.cognitoProxy(new CognitoProxy(cognito.endpoint(), verifier(pools, CognitoTokenVerifier.TokenUse.ACCESS),
                triggers.postConfirmation(), pools.staff().clientId(), email -> cognito.inbox(email).temporaryPassword()));
        gateway.mailbox(cognito::inbox, mailbox);
        gateway.uploads(new LocalUploads(imageClient, BUCKET, LOCAL_SECRET_KEY, java.time.Clock.systemUTC(),
                (key, size) -> triggers.objectCreated(BUCKET, key, size)));
        URI gatewayUrl = URI.create("http://127.0.0.1:" + gateway.port());
        System.setProperty("SHOP_URL", gatewayUrl + "/");   // the links in customers' emails
        String realStripe = System.getenv("STRIPE_SECRET_KEY");
        if (realStripe != null && realStripe.startsWith("sk_test_") && System.getenv("STRIPE_WEBHOOK_SECRET") != null
                && System.getenv("STRIPE_PUBLISHABLE_KEY") != null) {
            // real Stripe in test mode: its webhooks reach this laptop only through `stripe listen --forward-to`
            System.setProperty("STRIPE_SECRET_KEY", realStripe);
            System.setProperty("STRIPE_WEBHOOK_SECRET", System.getenv("STRIPE_WEBHOOK_SECRET"));
            System.setProperty("STRIPE_PUBLISHABLE_KEY", System.getenv("STRIPE_PUBLISHABLE_KEY"));
            siteConfig.put("stripe", Map.of("js", "https://js.stripe.com/v3/"));
            endpoints.put("Stripe", "real Stripe (test mode); forward webhooks to " + gatewayUrl + "/api/webhooks/stripe");
        } else {
            String publishable = "pk_test_local" + StripeStandIn.token(24);
            System.setProperty("STRIPE_PUBLISHABLE_KEY", publishable);
            System.setProperty("STRIPE_API_BASE", gatewayUrl + "/stripe");
            stripe = track(new StripeStandIn(secrets.get(Need.STRIPE_API_KEY.secretName()), publishable,
                    secrets.get(Need.STRIPE_WEBHOOK_SECRET.secretName()), () -> gatewayUrl.resolve("/api/webhooks/stripe"),
                    o.stripeDelivery(), java.time.Clock.systemUTC()));
            gateway.stripe(stripe);
            siteConfig.put("stripe", Map.of("js", "/stripe/v3/stripe.js"));
            endpoints.put("Stripe", "local stand-in at " + gatewayUrl + "/stripe, webhook signing secret "
                    + secrets.get(Need.STRIPE_WEBHOOK_SECRET.secretName()));
        }
        chartJs.join();
        triggers.startSchedules();
        phase("engines and gateway up", t0);
        gateway.warmUp();
        firstSearch(gatewayUrl);
        phase("warmed up (the search index built)", t0);
        this.triggers = triggers;

        endpoints.put("DynamoDB", dynamo.endpoint());
        endpoints.put("Redis", redis.join().url());
        endpoints.put("S3Mock", images.endpoint() + " (bucket " + BUCKET + ")");
        endpoints.put("Cognito", cognito.endpoint() + " (customers: pool " + pool.userPoolId() + ", client " + pool.clientId()
                + "; staff: pool " + pools.staff().userPoolId() + ", client " + pools.staff().clientId() + ", TOTP required)");
        endpoints.put("Orders", "unpaid orders expire after " + o.orderExpirySeconds() + " s (swept every "
                + o.sweepSeconds() + " s)");
        endpoints.put("Catalog", shoppable + " products" + (seeded.isEmpty() ? " (kept from the last run)" : " (demo data seeded)"));
        endpoints.put("Access log", accessLog.toString());
        readyMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** One search before the shop says it is ready, so the first shopper does not wait for the index to build. */
    private static void firstSearch(URI gatewayUrl) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    gatewayUrl.resolve("/api/products?q=bamboo")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the first search failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Startup progress on stderr when VERDANT_TRACE_START is set: where the seconds of a start go. */
    private static void phase(String what, long t0) {
        if (System.getenv("VERDANT_TRACE_START") != null) {
            System.err.printf("  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
        }
    }

    /** Handlers read their settings as system properties in the local shop (environment variables on Lambda). */
    private static void configure(String dynamoEndpoint, String redisUrl) {
        System.setProperty("AWS_REGION", "us-east-1");
        System.setProperty("DYNAMODB_ENDPOINT", dynamoEndpoint);
        System.setProperty("REDIS_URL", redisUrl);
        System.setProperty("IMAGE_BASE_URL", "/");
        for (TableSpec spec : Tables.ALL) {
            System.setProperty(spec.envVar(), spec.logicalName());
        }
    }

    static final String SEARCH_INDEX = "products";

    /** What S3Mock is given as credentials, and what the upload endpoint checks signatures with. */
    static final String LOCAL_SECRET_KEY = "local";

    static S3Client s3Client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", LOCAL_SECRET_KEY)))
                .build();
    }

    private static void uploadImages(String endpoint, List<Product> products) {
        Map<String, Product> byKey = new LinkedHashMap<>();
        products.forEach(p -> byKey.putIfAbsent(p.images().get(0), p));
        try (S3Client s3 = s3Client(endpoint)) {
            byKey.entrySet().parallelStream().forEach(e -> s3.putObject(b -> b.bucket(BUCKET).key(e.getKey())
                            .contentType("image/svg+xml").cacheControl("public, max-age=86400"),
                    RequestBody.fromString(ProductImages.svg(e.getValue()), StandardCharsets.UTF_8)));
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/");
    }

    /** An id token of a confirmed customer of the local pool, signed up first if new (tools and benchmarks). */
    public String customerToken(String email, String password) {
        CognitoSetup.Pool customers = userPools.customers();
        try (CognitoSetup setup = new CognitoSetup(cognitoEndpoint)) {
            setup.ensureUser(customers.userPoolId(), customers.clientId(), email, password, null, null);
            return setup.client().initiateAuth(b -> b.clientId(customers.clientId())
                    .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult().idToken();
        }
    }

    /** The local Firehose: behaviour and access-log delivery into OpenSearch, with what it delivered and dropped. */
    LocalTracking tracking() {
        return tracking;
    }

    /** An id token of a member of staff (a demo merchant, admin, agent or marketer): password, then authenticator code. */
    public String staffSignIn(String email, String password) {
        try (CognitoSetup setup = new CognitoSetup(cognitoEndpoint)) {
            return setup.staffSignIn(userPools.staff(), email, password, e -> cognitoLocal.inbox(e).authenticatorCode());
        }
    }

    /** What Cognito would have sent {@code email}, and their authenticator's current code. */
    CognitoLocalEngine.Inbox inbox(String email) {
        return cognitoLocal.inbox(email);
    }

    /** The local Stripe stand-in; null when the shop talks to real Stripe. */
    public StripeStandIn stripe() {
        return stripe;
    }

    public String cognitoEndpoint() {
        return cognitoEndpoint;
    }

    CognitoSetup.Pool userPool() {
        return userPools.customers();
    }

    CognitoSetup.Pool staffPool() {
        return userPools.staff();
    }

    /** Verifies tokens of either pool (its app client's), each against its own issuer and JWKS. */
    private static CognitoPoolsVerifier verifier(CognitoSetup.Pools pools, CognitoTokenVerifier.TokenUse use) {
        return new CognitoPoolsVerifier(List.of(new CognitoPoolsVerifier.Pool(pools.customers().issuer(), pools.customers().clientId()),
                new CognitoPoolsVerifier.Pool(pools.staff().issuer(), pools.staff().clientId())), use);
    }

    /** Every trigger of the contract the shop dispatched. */
    List<shop.verdant.contract.Trigger> dispatched() {
        return triggers.dispatched();
    }

    public Path accessLog() {
        return accessLog;
    }

    public long readyMillis() {
        return readyMillis;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("stopping " + c + ": " + e);
            }
        }
    }

    /** The folder this code runs from: {@code local/target} for both the jar and the classes folder. */
    static Path codeHome() {
        try {
            Path location = Path.of(LocalShop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the local shop's files", e);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static <T> T call(ThrowingSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.defaults();
        int port = o.port();
        int dynamoPort = 0;
        int redisPort = 0;
        int s3Port = 0;
        int cognitoPort = 0;
        int expiry = o.orderExpirySeconds();
        int sweep = o.sweepSeconds();
        Path dataDir = null;
        Path siteDir = o.siteDir();
        StripeStandIn.Delivery delivery = o.stripeDelivery();
        String search = o.search();
        int catalogSize = o.catalogSize();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--dynamodb-port" -> dynamoPort = Integer.parseInt(args[++i]);
                case "--redis-port" -> redisPort = Integer.parseInt(args[++i]);
                case "--s3-port" -> s3Port = Integer.parseInt(args[++i]);
                case "--cognito-port" -> cognitoPort = Integer.parseInt(args[++i]);
                case "--order-expiry-seconds" -> expiry = Integer.parseInt(args[++i]);
                case "--sweep-seconds" -> sweep = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--persist" -> dataDir = Path.of(".verdant-data").toAbsolutePath();
                case "--site" -> siteDir = Path.of(args[++i]).toAbsolutePath();
                // the Stripe stand-in delivers each webhook twice, after up to 3 s, so they also arrive out of order
                case "--stripe-chaos" -> delivery = new StripeStandIn.Delivery(1.0, 3_000);
                case "--search" -> search = args[++i];
                case "--catalog-size" -> catalogSize = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("""
                            Usage: java -jar local/target/verdant-local.jar [options]
                              --port N            storefront and API port (default 8080; 0 = any free port)
                              --dynamodb-port N   DynamoDB Local port (default: a free port)
                              --redis-port N      Redis port (default: a free port)
                              --s3-port N         S3Mock HTTP port (default: a free port)
                              --cognito-port N    cognito-local port (default: a free port)
                              --order-expiry-seconds N  how long an unpaid order holds stock (default 900)
                              --sweep-seconds N   how often expired orders are released (default 15)
                              --persist           keep data between runs in ./.verdant-data
                              --data-dir DIR      keep data between runs in DIR
                              --site DIR          storefront files (default: the repository's site/)
                              --stripe-chaos      the Stripe stand-in duplicates, delays and reorders webhooks
                              --search memory|opensearch  serve search from the in-memory index (default) or
                                                  from OpenSearch (fed from the Products stream); OpenSearch runs
                                                  in-process either way: it holds behaviour events and access logs
                              --catalog-size N    seed N synthetic products in the demo's shape instead of the demo
                            With STRIPE_SECRET_KEY=sk_test_..., STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET set,
                            the shop talks to real Stripe (test mode) instead of the stand-in.""");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        Options options = new Options(port, dynamoPort, redisPort, s3Port, cognitoPort, dataDir, siteDir, o.workDir(),
                o.s3MockJar(), o.cognitoPackage(), expiry, sweep, delivery, "memory", 0).withSearch(search)
                .withCatalogSize(catalogSize);
        System.out.println("Starting Verdant: DynamoDB Local, Redis, S3Mock, OpenSearch, cognito-local and the Stripe stand-in ...");
        LocalShop shop = LocalShop.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Verdant ...");
            shop.close();
        }));
        StringBuilder banner = new StringBuilder();
        banner.append(String.format("%nVerdant is ready in %.1f s%n%n  Storefront   %s%n  API          %sapi/products%n",
                shop.readyMillis() / 1000.0, shop.url(), shop.url()));
        shop.endpoints.forEach((k, v) -> banner.append(String.format("  %-12s %s%n", k, v)));
        banner.append(String.format("%nDemo sign-ins (email / password):%n"));
        for (CognitoSetup.DemoUser u : CognitoSetup.DEMO_USERS) {
            banner.append(String.format("  %-10s %-26s %-20s %s%n", u.role(), u.email(), u.password(),
                    u.staff() ? "staff sign-in, with an authenticator code" : "sign-in"));
        }
        banner.append(String.format("Staff sign in at %s?view=staff-signin with a password and an authenticator code.%n"
                        + "Emails, sign-up codes, invitations and the staff's authenticator codes: %slocal/mailbox?email=ADDRESS%n",
                shop.url(), shop.url()));
        banner.append(String.format("%nData: %s. Press Ctrl-C to stop.%n",
                dataDir == null ? "in memory, gone when you stop" : "kept in " + dataDir));
        System.out.print(banner);
        System.out.flush();
        Thread.currentThread().join();
    }
}
