package shop.verdant.payments;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.adapter.secrets.SecretsExtensionSecrets;
import shop.verdant.adapter.stripe.StripePayments;
import shop.verdant.adapter.stripe.StripeWebhooks;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.application.payments.PaymentProviders;
import shop.verdant.application.payments.Payments;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Need;
import shop.verdant.http.Metrics;

/**
 * The payments functions' object graph, built on first use. The providers are registered here: adding one
 * is its class plus a line in {@link #create}. Secrets are read when first needed, never at class load, so
 * under SnapStart none is baked into the snapshot; the priming hook loads the classes and the SDK client only.
 */
public final class PaymentsWiring {
    private PaymentsWiring() {
    }

    /** The use cases one container serves, and how webhooks are verified (null where unused). */
    public record Services(Payments payments, PaymentProviders providers, Supplier<StripeWebhooks> webhooks) {
    }

    public static Services create(DynamoDbStores stores, SecretSource secrets, Clock clock) {
        var ledger = stores.payments();
        PaymentProviders providers = new PaymentProviders(List.of(
                StripePayments.fromEnvironment(secrets),
                new CashOnDelivery(shop.verdant.config.OrderSettings.cashOnDeliveryLimit(), ledger, clock)));
        Supplier<StripeWebhooks> webhooks = Lazy.memoize(() ->
                new StripeWebhooks(secrets.get(Need.STRIPE_WEBHOOK_SECRET.secretName()), clock));
        return new Services(new Payments(stores.orders(), ledger, providers, clock), providers, webhooks);
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() ->
            create(DynamoDbStores.fromEnvironment(), SecretsExtensionSecrets.fromEnvironment(), Clock.systemUTC()));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();

    static {
        // Before the SnapStart snapshot: load stripe-java's model and the webhook verifier without a secret (a bad
        // signature is refused before any key is needed). Secrets and connections are made after restore, on first use.
        Priming.register(() -> {
            StripePayments.primeClasses();
            try {
                new StripeWebhooks("whsec_priming", Clock.systemUTC()).verify("{}", "t=1,v1=00");
            } catch (StripeWebhooks.Forged expected) {
                // the point was loading the verifier
            }
        }, () -> { });
    }
}
