package shop.verdant.merchant;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDbBackOffice;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.application.backoffice.MerchantImports;
import shop.verdant.application.backoffice.MerchantProducts;
import shop.verdant.application.backoffice.MerchantSales;
import shop.verdant.application.backoffice.MerchantShipments;
import shop.verdant.application.backoffice.MerchantStock;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.adapter.ses.SesMailer;
import shop.verdant.application.notifications.NotifyCustomers;
import shop.verdant.application.notifications.port.Mailer;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.http.Mailers;
import shop.verdant.config.Priming;
import shop.verdant.domain.common.Money;
import shop.verdant.http.Metrics;

/**
 * The back office's object graph, built on first use. DynamoDB, and SES for the customer's emails: search follows the
 * Products stream and the dashboard's aggregates the Orders stream, so these functions need no cache, no VPC and no
 * secret.
 */
public final class MerchantWiring {
    private MerchantWiring() {
    }

    public record Services(MerchantProducts products, MerchantStock stock, MerchantShipments shipments, MerchantSales sales,
                           NotifyCustomers notices, MerchantImports imports,
                           shop.verdant.application.media.ProductImageUploads images,
                           java.util.function.Function<String, java.util.Optional<shop.verdant.domain.admin.MerchantAccount>> suspensions) {
    }

    /** The threads an import chunk's rows are upserted on (I/O bound: each row is a few DynamoDB calls). */
    private static final Supplier<java.util.concurrent.ExecutorService> IMPORT_WORKERS = Lazy.memoize(() ->
            java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "import");
                t.setDaemon(true);
                return t;
            }));

    public static Services create(DynamoDbStores stores, Clock clock) {
        Supplier<String> ids = () -> UuidCreator.getTimeOrderedEpoch().toString();
        var backOffice = new DynamoDbBackOffice(stores.client());
        var catalog = backOffice.catalog();
        // cash on delivery is collected here (at the last parcel's delivery), never started: its limit does not apply
        CashOnDelivery cod = new CashOnDelivery(Money.of(Long.MAX_VALUE, "EUR"), stores.payments(), clock);
        var products = new MerchantProducts(catalog, stores.categories(), stores.brands(), clock, ids);
        var stock = new MerchantStock(catalog, clock, ids);
        return new Services(products, stock,
                new MerchantShipments(backOffice.shipments(), stores.orders(), cod, clock),
                new MerchantSales(backOffice.sales(), catalog, clock),
                new NotifyCustomers(mailer(), backOffice.notices(clock), stores.orders(), Env.get("SHOP_URL", "http://127.0.0.1:8080/")),
                new MerchantImports(backOffice.imports(), catalog, products, stock, clock, ids, IMPORT_WORKERS),
                new shop.verdant.application.media.ProductImageUploads(products, catalog, backOffice.imageUploads(), signer(), clock, ids),
                suspensionOf(stores));
    }

    /** The merchant's suspension, if any: one consistent read of its record per write (a merchant not on it is open). */
    private static java.util.function.Function<String, java.util.Optional<shop.verdant.domain.admin.MerchantAccount>> suspensionOf(
            DynamoDbStores stores) {
        Supplier<shop.verdant.adapter.dynamodb.DynamoDbMerchantRegistry> registry = Lazy.memoize(() ->
                new shop.verdant.adapter.dynamodb.DynamoDbMerchantRegistry(stores.client().get(),
                        Env.require(shop.verdant.contract.Tables.MERCHANTS.envVar())));
        return merchantId -> registry.get().find(merchantId).filter(shop.verdant.domain.admin.MerchantAccount::suspended);
    }

    /** Signs uploads into the images bucket; made on the first upload (only that function names the bucket). */
    static shop.verdant.application.media.port.UploadSigner signer() {
        return Lazy.of(shop.verdant.application.media.port.UploadSigner.class, () ->
                shop.verdant.adapter.aws.S3PostPolicy.fromEnvironment(shop.verdant.contract.Buckets.IMAGES.envVar()));
    }

    /** The local shop's mailbox when it installed one; SES (from MAIL_FROM) otherwise, made on the first email. */
    static Mailer mailer() {
        return Mailers.installed().orElseGet(() -> Lazy.of(Mailer.class, SesMailer::fromEnvironment));
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() -> create(DynamoDbStores.fromEnvironment(), Clock.systemUTC()));

    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();

    static {
        // Before the SnapStart snapshot: build the graph and read through the merchant's index once.
        Priming.register(() -> SERVICES.get().products().list("priming", null, null, null, 1, null), () -> { });
    }
}
