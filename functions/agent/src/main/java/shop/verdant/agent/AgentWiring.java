package shop.verdant.agent;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import shop.verdant.adapter.cognito.CognitoCustomerDirectory;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.application.agents.PhoneOrders;
import shop.verdant.application.agents.port.CustomerDirectory;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.application.payments.PaymentProviders;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.config.OrderSettings;
import shop.verdant.config.Lazy;
import shop.verdant.domain.shopping.ShippingRates;
import shop.verdant.http.Metrics;

/**
 * The call centre's object graph, built on first use: the user pool, and the order and payment stores. Orders are
 * placed with the shop's PlaceOrder and confirmed with its cash-on-delivery provider, under the same settings as the
 * shop's own routes ({@link OrderSettings}); no Stripe, no cart.
 */
public final class AgentWiring {
    private AgentWiring() {
    }

    public static PhoneOrders create(DynamoDbStores stores, CustomerDirectory directory, Clock clock) {
        PlaceOrder place = new PlaceOrder(stores.orders(), stores.products(), PlaceOrder.CartClearing.NONE, clock,
                () -> UuidCreator.getTimeOrderedEpoch().toString(),
                OrderSettings::reservation, ShippingRates.STANDARD);
        var ledger = stores.payments();
        Payments payments = new Payments(stores.orders(), ledger, new PaymentProviders(List.of(new CashOnDelivery(
                OrderSettings.cashOnDeliveryLimit(), ledger, clock))), clock);
        return new PhoneOrders(directory, place, payments);
    }

    static final Supplier<PhoneOrders> SERVICES = Lazy.memoize(() ->
            create(DynamoDbStores.fromEnvironment(), CognitoCustomerDirectory.fromEnvironment(), Clock.systemUTC()));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
}
