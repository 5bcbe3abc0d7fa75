package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payments context: paying an order (Stripe or cash on delivery) and Stripe's webhook. Outside the VPC
 * (it talks to Stripe, not to Redis); the only group whose jar carries stripe-java.
 */
public final class PaymentsContract {
    private PaymentsContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("payments", "functions/payments",
            "payments: start a payment, Stripe's webhook", Set.of(Need.STRIPE_API_KEY));

    /** Selling an order: its status, its stock, its shipments and the payment, in one transaction. */
    private static final Map<TableSpec, TableAccess> SELL = Map.of(Tables.ORDERS, WRITE, Tables.PRODUCTS, STOCK,
            Tables.PAYMENTS, WRITE, Tables.SHIPMENTS, WRITE);

    public static final Handler START = GROUP.handler("StartPaymentHandler", SELL,
            "Opens a payment of the order's total (Stripe: a PaymentIntent; cash on delivery: confirms the order)");
    public static final Handler STRIPE_WEBHOOK = GROUP.handler("StripeWebhookHandler",
            Map.of(Tables.ORDERS, WRITE, Tables.PRODUCTS, STOCK, Tables.PAYMENTS, WRITE, Tables.SHIPMENTS, WRITE,
                    Tables.PROCESSED_EVENTS, WRITE),
            "Verifies Stripe's signature and applies what the PaymentIntent now says, once per event",
            Set.of(Need.STRIPE_WEBHOOK_SECRET));

    /** Refunds also record the key they were made under, as webhooks record their event ids. */
    private static final Map<TableSpec, TableAccess> REFUND = Map.of(Tables.ORDERS, WRITE, Tables.PRODUCTS, STOCK,
            Tables.PAYMENTS, WRITE, Tables.SHIPMENTS, WRITE, Tables.PROCESSED_EVENTS, WRITE);

    public static final List<Trigger> TRIGGERS = List.of(
            Route.signedIn("POST", "/api/orders/{id}/payments", START),
            Route.open("POST", "/api/webhooks/stripe", STRIPE_WEBHOOK),
            Route.signedIn("POST", "/api/admin/orders/{id}/refund", GROUP.handler("RefundOrderHandler", REFUND,
                    "Refunds a paid order through its provider; a full refund puts unshipped stock back"), Role.ADMIN),
            new Schedule(GROUP.handler("ReconcilePaymentsHandler", REFUND,
                    "Applies what webhooks missed and cancels open intents of orders that can no longer be paid"), 15));

}
