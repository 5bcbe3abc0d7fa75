package shop.verdant.merchant;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.application.backoffice.MerchantProducts;
import shop.verdant.application.backoffice.MerchantSales;
import shop.verdant.application.backoffice.MerchantShipments;
import shop.verdant.application.backoffice.MerchantStock;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.domain.common.Money;
import shop.verdant.http.Metrics;

/**
 * The back office's object graph, built on first use. Only DynamoDB: search follows the Products stream and the
 * dashboard's aggregates the Orders stream, so these functions need no cache, no VPC and no secret.
 */
public final class MerchantWiring {
    private MerchantWiring() {
    }

    public record Services(MerchantProducts products, MerchantStock stock, MerchantShipments shipments, MerchantSales sales) {
    }

    public static Services create(DynamoDbStores stores, Clock clock) {
        Supplier<String> ids = () -> UuidCreator.getTimeOrderedEpoch().toString();
        var catalog = stores.merchantCatalog();
        // cash on delivery is collected here (at the last parcel's delivery), never started: its limit does not apply
        CashOnDelivery cod = new CashOnDelivery(Money.of(Long.MAX_VALUE, "EUR"), stores.payments(), clock);
        return new Services(new MerchantProducts(catalog, stores.categories(), stores.brands(), clock, ids),
                new MerchantStock(catalog, clock, ids),
                new MerchantShipments(stores.shipmentDesk(), stores.orders(), cod, clock),
                new MerchantSales(stores.salesLedger(), catalog, clock));
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() -> create(DynamoDbStores.fromEnvironment(), Clock.systemUTC()));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();

    static {
        // Before the SnapStart snapshot: build the graph and read through the merchant's index once.
        Priming.register(() -> SERVICES.get().products().list("priming", null, null, null, 1, null), () -> { });
    }
}
