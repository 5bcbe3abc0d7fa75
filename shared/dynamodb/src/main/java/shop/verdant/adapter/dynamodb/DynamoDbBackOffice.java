package shop.verdant.adapter.dynamodb;

import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.backoffice.port.SalesLedger;
import shop.verdant.application.backoffice.port.ShipmentDesk;
import shop.verdant.application.notifications.port.NoticeLog;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The back office's stores, over the tables the environment names, each made on first use. Apart from
 * {@link DynamoDbStores} so that the jars of groups that never use them do not carry them (the shade plugin keeps
 * what a class reaches).
 */
public final class DynamoDbBackOffice {
    private final Supplier<DynamoDbClient> client;

    public DynamoDbBackOffice(Supplier<DynamoDbClient> client) {
        this.client = client;
    }

    /** The products, their SKU guards and stock movements. */
    public MerchantCatalogStore catalog() {
        return Lazy.of(MerchantCatalogStore.class, () -> new DynamoDbMerchantCatalog(client.get(), Env.require(Tables.PRODUCTS.envVar()),
                Env.get(Tables.PRODUCT_SKUS.envVar(), ""), Env.get(Tables.STOCK_MOVEMENTS.envVar(), "")));
    }

    public ShipmentDesk shipments() {
        return Lazy.of(ShipmentDesk.class, () -> new DynamoDbShipmentDesk(client.get(), Env.require(Tables.SHIPMENTS.envVar())));
    }

    public SalesLedger sales() {
        return Lazy.of(SalesLedger.class, () -> new DynamoDbSalesLedger(client.get(), Env.require(Tables.MERCHANT_SALES.envVar())));
    }

    public shop.verdant.application.backoffice.port.ImportStore imports() {
        return Lazy.of(shop.verdant.application.backoffice.port.ImportStore.class, () -> new DynamoDbImportStore(client.get(),
                Env.require(Tables.IMPORTS.envVar()), Env.require(Tables.IMPORT_ROWS.envVar())));
    }

    /** Merchants' image uploads, from signing to outcome. */
    public shop.verdant.application.media.port.ImageUploadLog imageUploads() {
        return Lazy.of(shop.verdant.application.media.port.ImageUploadLog.class, () -> new DynamoDbImageUploads(client.get(),
                Env.require(Tables.IMAGE_UPLOADS.envVar())));
    }

    /** Products as the image function appends to their images. */
    public shop.verdant.application.media.port.ProductImages productImages() {
        return Lazy.of(shop.verdant.application.media.port.ProductImages.class, () -> new DynamoDbProductImages(client.get(),
                Env.require(Tables.PRODUCTS.envVar())));
    }

    /** Notices sent to customers, in ProcessedEvents. */
    public NoticeLog notices(Clock clock) {
        return Lazy.of(NoticeLog.class, () -> new DynamoDbNoticeLog(client.get(), Env.require(Tables.PROCESSED_EVENTS.envVar()), clock));
    }
}
