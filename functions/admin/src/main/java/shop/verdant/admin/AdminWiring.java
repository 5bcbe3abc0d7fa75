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

    // the pool is reached on first use: listing merchants needs no USER_POOL_ID
    static final Supplier<Merchants> SERVICES = Lazy.memoize(() -> new Merchants(
            new DynamoDbMerchantRegistry(DynamoDb.client(), Env.require(Tables.MERCHANTS.envVar())),
            Lazy.of(MerchantOnboarding.class, CognitoMerchantOnboarding::fromEnvironment), Clock.systemUTC()));

    static final Supplier<shop.verdant.application.audit.AuditTrail> AUDIT = Lazy.memoize(() ->
            new shop.verdant.application.audit.AuditTrail(new shop.verdant.adapter.dynamodb.DynamoDbAuditLog(DynamoDb.client(),
                    Env.require(Tables.AUDIT_LOG.envVar())), java.util.Set.copyOf(Tables.AUDITED.values())));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
}
