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

/** The admins' object graph, built on first use: the Merchants table and (for making merchants) the user pool. */
public final class AdminWiring {
    private AdminWiring() {
    }

    static final Supplier<Merchants> SERVICES = Lazy.memoize(() -> {
        Supplier<MerchantOnboarding> pool = Lazy.memoize(CognitoMerchantOnboarding::fromEnvironment);
        return new Merchants(new DynamoDbMerchantRegistry(DynamoDb.client(), Env.require(Tables.MERCHANTS.envVar())),
                new MerchantOnboarding() {
                    public java.util.Optional<User> byEmail(String email) {
                        return pool.get().byEmail(email);
                    }

                    public void makeMerchant(String username, String merchantId) {
                        pool.get().makeMerchant(username, merchantId);
                    }
                }, Clock.systemUTC());
    });

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
}
