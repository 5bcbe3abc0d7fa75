package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.READ;
import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merchant back office: a merchant's own products, stock, shipments and sales, and what follows a sale (the
 * customer's emails). Writes DynamoDB only (outside the VPC): search follows the Products stream, the dashboard's
 * aggregates and the confirmation follow the Orders stream, the parcel emails the Shipments stream. Every route is
 * for merchants, and the merchant is the token's ({@code custom:merchantId} with membership in {@code merchants}).
 */
public final class MerchantContract {
    private MerchantContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("merchant", "functions/merchant",
            "the merchant back office: products, stock, shipments, sales dashboard", Set.of());

    private static Handler handler(String simpleName, Map<TableSpec, TableAccess> tables, String description) {
        return GROUP.handler(simpleName, tables, description);
    }

    /** Validating a listing reads the category tree and the brands. */
    private static final Map<TableSpec, TableAccess> EDIT = Map.of(Tables.PRODUCTS, WRITE, Tables.PRODUCT_SKUS, WRITE,
            Tables.CATEGORIES, READ, Tables.BRANDS, READ);

    /** An upload validates against the catalog and writes only the job, its rows and its report (and may queue it). */
    private static final Map<TableSpec, TableAccess> IMPORT_UPLOAD = Map.of(Tables.IMPORTS, WRITE, Tables.IMPORT_ROWS, WRITE,
            Tables.CATEGORIES, READ, Tables.BRANDS, READ);

    /** Running an import is what the product routes do, row by row, and recording its progress. */
    private static final Map<TableSpec, TableAccess> IMPORT_RUN = Map.of(Tables.IMPORTS, WRITE, Tables.IMPORT_ROWS, READ,
            Tables.PRODUCTS, WRITE, Tables.PRODUCT_SKUS, WRITE, Tables.STOCK_MOVEMENTS, WRITE, Tables.CATEGORIES, READ,
            Tables.BRANDS, READ);

    /**
     * A back-office route. Every write also reads the merchant's record: a suspended merchant's back office is
     * read-only.
     */
    private static Route merchant(String method, String path, Handler handler) {
        if (!method.equals("GET")) {
            Map<TableSpec, TableAccess> tables = new java.util.HashMap<>(handler.tables());
            tables.putIfAbsent(Tables.MERCHANTS, READ);
            handler = new Handler(handler.className(), handler.group(), tables, handler.description(), handler.ownNeeds());
        }
        return Route.signedIn(method, path, handler, Role.MERCHANT);
    }

    public static final List<Trigger> TRIGGERS = List.of(
            merchant("GET", "/api/merchant/products", handler("ListOwnProductsHandler", Map.of(Tables.PRODUCTS, READ),
                    "The merchant's products, newest first, by status, a word of the name or SKU, or stock below a level")),
            merchant("POST", "/api/merchant/products", handler("CreateProductHandler", EDIT,
                    "Creates a product (a draft, or published at once) with a SKU unique to the merchant")),
            merchant("GET", "/api/merchant/products/{id}", handler("GetOwnProductHandler", Map.of(Tables.PRODUCTS, READ),
                    "One of the merchant's products with its ETag")),
            merchant("PATCH", "/api/merchant/products/{id}", handler("UpdateProductHandler", EDIT,
                    "Changes a product's listing (If-Match: a stale write is 412); publishing and archiving")),
            merchant("DELETE", "/api/merchant/products/{id}", handler("DeleteProductHandler",
                    Map.of(Tables.PRODUCTS, WRITE, Tables.PRODUCT_SKUS, WRITE),
                    "Deletes a draft never sold; archives a product shoppers have seen")),
            merchant("POST", "/api/merchant/products/{id}/stock", handler("AdjustStockHandler",
                    Map.of(Tables.PRODUCTS, STOCK, Tables.STOCK_MOVEMENTS, WRITE),
                    "Moves available stock by a delta or to a level, with a reason, recorded as a movement")),
            merchant("POST", "/api/merchant/products/{id}/images", GROUP.handler("StartImageUploadHandler",
                    Map.of(Tables.PRODUCTS, READ, Tables.IMAGE_UPLOADS, WRITE),
                    "Signs an upload of one JPEG, PNG or WebP picture (at most 5 MB) for the product, straight to the bucket",
                    Set.of(Need.IMAGE_UPLOAD))),
            merchant("GET", "/api/merchant/products/{id}/images/{uploadId}", handler("ImageUploadStatusHandler",
                    Map.of(Tables.IMAGE_UPLOADS, READ), "An image upload's outcome: pending, attached, or refused and why")),
            merchant("PUT", "/api/merchant/products/{id}/images", handler("ArrangeImagesHandler", Map.of(Tables.PRODUCTS, STOCK),
                    "Sets the order of the product's pictures and which stay (If-Match)")),
            merchant("GET", "/api/merchant/products/{id}/stock", handler("StockHistoryHandler",
                    Map.of(Tables.PRODUCTS, READ, Tables.STOCK_MOVEMENTS, READ),
                    "A product's stock levels and its latest movements")),
            merchant("GET", "/api/merchant/shipments", handler("ListShipmentsHandler", Map.of(Tables.SHIPMENTS, READ),
                    "The merchant's shipments, newest first, by status")),
            merchant("PATCH", "/api/merchant/shipments/{orderId}", handler("AdvanceShipmentHandler",
                    Map.of(Tables.SHIPMENTS, WRITE, Tables.ORDERS, WRITE, Tables.PAYMENTS, WRITE),
                    "Moves a shipment PENDING, PACKED, SHIPPED, DELIVERED; delivery completes a cash-on-delivery payment")),
            merchant("POST", "/api/merchant/imports", handler("CreateImportHandler", IMPORT_UPLOAD,
                    "Validates a CSV of products (every row) and keeps it as an import job with its report; runs it when asked")),
            merchant("GET", "/api/merchant/imports/{id}", handler("GetImportHandler",
                    Map.of(Tables.IMPORTS, READ, Tables.IMPORT_ROWS, READ), "An import's progress, counts and first errors")),
            merchant("POST", "/api/merchant/imports/{id}/run", handler("RunImportHandler",
                    Map.of(Tables.IMPORTS, WRITE), "Queues a validated import to run")),
            merchant("GET", "/api/merchant/imports/{id}/errors", handler("ImportErrorsHandler",
                    Map.of(Tables.IMPORTS, READ, Tables.IMPORT_ROWS, READ), "An import's error report as CSV")),
            merchant("GET", "/api/merchant/import-template", handler("ImportTemplateHandler", Map.of(),
                    "The import's CSV template")),
            new TableStream(handler("RunImportChunksHandler", IMPORT_RUN,
                    "Runs an import chunk by chunk: upserts each row by SKU, sets its stock, records the counts"), Tables.IMPORTS),
            merchant("GET", "/api/merchant/dashboard", handler("SalesDashboardHandler",
                    Map.of(Tables.MERCHANT_SALES, READ, Tables.PRODUCTS, READ),
                    "Revenue net of refunds, orders, units, average order value, top products, low stock, by day")),
            // one reader of the Orders stream for everything after a sale (a shard serves two readers well; the insights
            // are the other): the merchants' sales, and the customer's confirmation
            new TableStream(GROUP.handler("FollowSoldOrdersHandler",
                    Map.of(Tables.MERCHANT_SALES, WRITE, Tables.PROCESSED_EVENTS, WRITE),
                    "Counts each sale and refund into its merchants' daily sales and emails the customer the confirmation, "
                            + "once per order change", Set.of(Need.EMAIL)), Tables.ORDERS),
            new TableStream(GROUP.handler("NotifyShipmentChangesHandler",
                    Map.of(Tables.ORDERS, READ, Tables.PROCESSED_EVENTS, WRITE),
                    "Emails the customer when a parcel ships (with its tracking number) and when it is delivered, once each",
                    Set.of(Need.EMAIL)), Tables.SHIPMENTS));
}
