package shop.verdant.admin;

import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.adapter.cognito.CognitoMerchantOnboarding;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbMerchantRegistry;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.application.admin.Merchants;
import shop.verdant.application.admin.port.MerchantOnboarding;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.contract.Tables;
import shop.verdant.http.Metrics;

/** The admins' object graph, built on first use: the Merchants table and (for making merchants) the user pool;
 * the audit log. */
public final class AdminWiring {
    private AdminWiring() {
    }

    // the staff pool is reached on first use: listing merchants needs no STAFF_POOL_ID
    static final Supplier<Merchants> SERVICES = Lazy.memoize(() -> {
        var client = DynamoDb.client();
        return new Merchants(new DynamoDbMerchantRegistry(client, Env.require(Tables.MERCHANTS.envVar())),
                Lazy.of(MerchantOnboarding.class, CognitoMerchantOnboarding::fromEnvironment),
                Lazy.of(shop.verdant.application.admin.port.MerchantListings.class, () ->
                        new shop.verdant.adapter.dynamodb.DynamoDbMerchantListings(client, Env.require(Tables.PRODUCTS.envVar()))),
                Clock.systemUTC());
    });

    /** Staff invitations: the roles given there (all but customer and merchant) and their groups, from the contract. */
    static final Supplier<shop.verdant.application.admin.StaffInvitations> STAFF = Lazy.memoize(() ->
            new shop.verdant.application.admin.StaffInvitations(
                    Lazy.of(shop.verdant.application.admin.port.StaffPool.class, CognitoMerchantOnboarding::fromEnvironment),
                    java.util.Arrays.stream(shop.verdant.contract.Role.values())
                            .filter(r -> r != shop.verdant.contract.Role.CUSTOMER && r != shop.verdant.contract.Role.MERCHANT)
                            .collect(java.util.stream.Collectors.toMap(r -> r.name().toLowerCase(java.util.Locale.ROOT),
                                    shop.verdant.contract.Role::cognitoGroup))));

    static final Supplier<shop.verdant.application.admin.CategoryAdmin> CATEGORIES = Lazy.memoize(() -> {
        var client = DynamoDb.client();
        return new shop.verdant.application.admin.CategoryAdmin(
                new shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository(client, Env.require(Tables.CATEGORIES.envVar())),
                new shop.verdant.adapter.dynamodb.DynamoDbCategoryProducts(client, Env.require(Tables.PRODUCTS.envVar())),
                AdminWiring::suffix);
    });

    static final Supplier<shop.verdant.application.admin.OrderDesk> ORDERS = Lazy.memoize(() ->
            new shop.verdant.application.admin.OrderDesk(new shop.verdant.adapter.dynamodb.DynamoDbOrderLookup(DynamoDb.client(),
                    Env.require(Tables.ORDERS.envVar()), Env.require(Tables.PAYMENTS.envVar()), Clock.systemUTC())));

    static final Supplier<shop.verdant.application.admin.BrandAdmin> BRANDS = Lazy.memoize(() ->
            new shop.verdant.application.admin.BrandAdmin(new shop.verdant.adapter.dynamodb.DynamoDbBrandRepository(DynamoDb.client(),
                    Env.require(Tables.BRANDS.envVar())), AdminWiring::suffix));

    static final Supplier<shop.verdant.application.admin.Moderation> MODERATION = Lazy.memoize(() ->
            new shop.verdant.application.admin.Moderation(new shop.verdant.adapter.dynamodb.DynamoDbModeratedListings(DynamoDb.client(),
                    Env.require(Tables.PRODUCTS.envVar())), Clock.systemUTC()));

    /** Four or five base-36 characters: what tells apart two categories (or brands) of one name. */
    static String suffix() {
        return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    }

    static final Supplier<shop.verdant.application.audit.AuditTrail> AUDIT = Lazy.memoize(() ->
            new shop.verdant.application.audit.AuditTrail(new shop.verdant.adapter.dynamodb.DynamoDbAuditLog(DynamoDb.client(),
                    Env.require(Tables.AUDIT_LOG.envVar())), java.util.Set.copyOf(Tables.AUDITED.values())));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
}
