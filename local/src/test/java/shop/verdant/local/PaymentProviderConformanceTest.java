package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.application.payments.port.ProviderPayment;
import shop.verdant.config.SecretSource;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.payments.PaymentsWiring;

/**
 * One suite every payment provider passes (a new provider joins the list): start, succeed, fail, refund in
 * part and in full, and the same calls twice — against the real thing where there is one (Stripe through
 * stripe-java and the stand-in, cash on delivery on its DynamoDB Local ledger). How a customer succeeds or
 * fails differs per provider and is the only provider-specific part ({@link #succeed}, {@link #fail}).
 */
class PaymentProviderConformanceTest {
    static PaymentsWiring.Services services;

    @BeforeAll
    static void wire() {
        TestShop.get();
        services = PaymentsWiring.create(DynamoDbStores.fromEnvironment(TestShop.writer()), SecretSource.settings(), Clock.systemUTC());
    }

    record Opened(String orderId, Payments.Started started, PaymentProvider provider) {
        String ref() {
            return started.payment().reference();
        }
    }

    static Opened open(String providerName) {
        String orderId = PaymentsTest.placeOrder(Api.customerA(), Api.productWithPlentyOfStock(), 1);
        var order = DynamoDbStores.fromEnvironment().orders().find(orderId).orElseThrow();
        Payments.Started started = services.payments().start(order.customerId(), orderId, providerName, "conf-" + UUID.randomUUID());
        return new Opened(orderId, started, services.providers().get(providerName));
    }

    /** The customer pays: a good card at Stripe, cash handed to the courier. */
    static void succeed(Opened o) throws Exception {
        switch (o.provider().name()) {
            case "stripe" -> assertThat(PaymentsTest.confirm(o.started().payment().clientSecret(), o.started().publicKey(),
                    "pm_card_visa").statusCode()).isEqualTo(200);
            case CashOnDelivery.NAME -> ((CashOnDelivery) o.provider()).collected(o.ref());
            default -> throw new IllegalArgumentException("no driver for " + o.provider().name());
        }
    }

    /** The customer's payment fails: a declined card, a parcel refused at the door. */
    static void fail(Opened o) throws Exception {
        switch (o.provider().name()) {
            case "stripe" -> assertThat(PaymentsTest.confirm(o.started().payment().clientSecret(), o.started().publicKey(),
                    "pm_card_chargeDeclined").statusCode()).isEqualTo(402);
            case CashOnDelivery.NAME -> ((CashOnDelivery) o.provider()).refused(o.ref());
            default -> throw new IllegalArgumentException("no driver for " + o.provider().name());
        }
    }

    static void sync(Opened o) {
        services.payments().sync(o.provider().name(), o.ref(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "cod"})
    void startsAPaymentOfTheOrdersTotal_andTheSameStartTwiceIsTheSamePayment(String name) {
        Opened o = open(name);
        var order = DynamoDbStores.fromEnvironment().orders().find(o.orderId()).orElseThrow();
        ProviderPayment reported = o.provider().retrieve(o.ref());
        assertThat(reported.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(reported.amountMinor()).isEqualTo(order.total().minor());
        assertThat(reported.currency()).isEqualTo(order.total().currency());
        assertThat(reported.orderId()).isEqualTo(o.orderId());
        assertThat(reported.amountReceivedMinor()).isZero();
        assertThat(o.provider().start(order, 1).reference()).as("the same attempt again").isEqualTo(o.ref());
        // a retry of the same request (same key) answers the same payment, whatever the provider
        Payments.Started again = services.payments().start(order.customerId(), o.orderId(), name,
                o.started().payment().idempotencyKey());
        assertThat(again.payment().reference()).isEqualTo(o.ref());
        assertThat(again.replayed()).isTrue();
        assertThat(o.started().order().status()).isEqualTo(o.provider().confirmsOnStart() ? OrderStatus.CONFIRMED : OrderStatus.PENDING_PAYMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "cod"})
    void aSuccessIsReportedInFull_andPaysTheOrder(String name) throws Exception {
        Opened o = open(name);
        succeed(o);
        ProviderPayment reported = o.provider().retrieve(o.ref());
        assertThat(reported.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(reported.amountReceivedMinor()).isEqualTo(reported.amountMinor());
        sync(o);
        sync(o);
        assertThat(DynamoDbStores.fromEnvironment().orders().find(o.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "cod"})
    void aFailureIsReportedWithWhy_andMovesNoMoney(String name) throws Exception {
        Opened o = open(name);
        fail(o);
        ProviderPayment reported = o.provider().retrieve(o.ref());
        assertThat(reported.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(reported.lastError()).isNotBlank();
        assertThat(reported.amountReceivedMinor()).isZero();
        sync(o);
        assertThat(DynamoDbStores.fromEnvironment().payments().find(name, o.ref()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThatThrownBy(() -> o.provider().refund(o.ref(), Money.of(100, "EUR"), "none", "fail-" + o.ref()))
                .as("nothing to refund").isInstanceOf(PaymentProvider.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "cod"})
    void refundsInPartThenInFull_eachKeyOnce_neverMoreThanWasPaid(String name) throws Exception {
        Opened o = open(name);
        succeed(o);
        sync(o);
        long total = o.provider().retrieve(o.ref()).amountMinor();
        assertThat(o.provider().refund(o.ref(), Money.of(200, "EUR"), "part", "part-" + o.ref()).refundedMinor()).isEqualTo(200);
        assertThat(o.provider().refund(o.ref(), Money.of(200, "EUR"), "part", "part-" + o.ref()).refundedMinor())
                .as("the same key refunds once").isEqualTo(200);
        assertThatThrownBy(() -> o.provider().refund(o.ref(), Money.of(total, "EUR"), "too much", "over-" + o.ref()))
                .isInstanceOf(PaymentProvider.Refused.class);
        assertThat(o.provider().refund(o.ref(), Money.of(total - 200, "EUR"), "rest", "rest-" + o.ref()).refundedMinor()).isEqualTo(total);
        sync(o);
        var order = DynamoDbStores.fromEnvironment().orders().find(o.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.payment().refundedMinor()).isEqualTo(total);
        assertThat(DynamoDbStores.fromEnvironment().payments().find(name, o.ref()).orElseThrow().refunded().minor()).isEqualTo(total);
    }
}
