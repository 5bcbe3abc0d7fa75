package shop.verdant.contract;

import static shop.verdant.contract.TableSpec.Key.n;
import static shop.verdant.contract.TableSpec.Key.s;

import java.util.List;
import java.util.Map;
import shop.verdant.contract.TableSpec.Index;

/** Every table of the shop. */
public final class Tables {
    private Tables() {
    }

    /**
     * Products; the byMerchant index serves the merchant back office, byCategory the admins' category editor (what a
     * category holds, and moving it elsewhere). Streamed (search follows it).
     */
    public static final TableSpec PRODUCTS = new TableSpec("Products", "PRODUCTS_TABLE", s("productId"), null,
            List.of(new Index("byMerchant", s("merchantId"), s("createdAt")), new Index("byCategory", s("categoryId"), s("productId"))),
            null, true);

    /** Categories; {@code kind} is the same on every item so the whole tree is one Query, never a Scan. */
    public static final TableSpec CATEGORIES = new TableSpec("Categories", "CATEGORIES_TABLE", s("categoryId"), null,
            List.of(new Index("all", s("kind"), s("categoryId"))), null, true);

    public static final TableSpec BRANDS = new TableSpec("Brands", "BRANDS_TABLE", s("brandId"), null,
            List.of(new Index("all", s("kind"), s("brandId"))), null, true);

    /** Carts: {@code user#<sub>} or {@code anon#<token>}; expire by TTL (anonymous 1 day, signed-in 30 days). */
    public static final TableSpec CARTS = new TableSpec("Carts", "CARTS_TABLE", s("cartId"), null,
            List.of(), "ttl", false);

    /** One item per (user, product). */
    public static final TableSpec WISHLISTS = new TableSpec("Wishlists", "WISHLISTS_TABLE", s("userId"), s("productId"),
            List.of(), null, false);

    /**
     * Orders. {@code byCustomer} lists a customer's orders newest first. {@code pendingByExpiry} is sparse:
     * only unpaid orders carry {@code pendingShard} (one of a few shards, so no single hot partition) and
     * {@code pendingUntil} (epoch seconds), so the expiry sweeper queries what is due without a Scan. {@code byEmail} and
     * {@code byMonth} ({@code createdMonth}, 2026-12, set once at placement) are the admins' order search.
     */
    public static final TableSpec ORDERS = new TableSpec("Orders", "ORDERS_TABLE", s("orderId"), null,
            List.of(new Index("byCustomer", s("customerId"), s("createdAt")),
                    new Index("pendingByExpiry", s("pendingShard"), n("pendingUntil")),
                    new Index("byEmail", s("contactEmail"), s("createdAt")),
                    new Index("byMonth", s("createdMonth"), s("createdAt"))), null, true);

    /** Idempotency-Key (scoped to the caller) → the stored response; kept 24 hours by TTL. */
    public static final TableSpec IDEMPOTENCY = new TableSpec("Idempotency", "IDEMPOTENCY_TABLE", s("idempotencyKey"), null,
            List.of(), "ttl", false);

    /**
     * Payments: {@code provider#reference} (so a provider's reference is unique); {@code byOrder} lists an
     * order's payments; {@code open} is sparse — only payments not final yet carry {@code openShard} — so the
     * reconciliation finds them without a Scan. Streamed for the audit log.
     */
    public static final TableSpec PAYMENTS = new TableSpec("Payments", "PAYMENTS_TABLE", s("paymentId"), null,
            List.of(new Index("byOrder", s("orderId"), s("createdAt")), new Index("open", s("openShard"), s("updatedAt"))),
            null, true);

    /** Webhook event ids already applied; kept 35 days by TTL (Stripe retries for 3). */
    public static final TableSpec PROCESSED_EVENTS = new TableSpec("ProcessedEvents", "PROCESSED_EVENTS_TABLE", s("eventId"), null,
            List.of(), "ttl", false);

    /** One shipment per (order, merchant); {@code byMerchant} is the merchant's list. Streamed for the audit log. */
    public static final TableSpec SHIPMENTS = new TableSpec("Shipments", "SHIPMENTS_TABLE", s("orderId"), s("merchantId"),
            List.of(new Index("byMerchant", s("merchantId"), s("createdAt"))), null, true);

    /**
     * SKU guards: one item per {@code <merchantId>#<sku>} naming its product, written in the same transaction as the
     * product, so a SKU is unique per merchant (and an import finds the product a SKU means).
     */
    public static final TableSpec PRODUCT_SKUS = new TableSpec("ProductSkus", "PRODUCT_SKUS_TABLE", s("merchantSku"), null,
            List.of(), null, false);

    /** Every stock adjustment of a product ({@code at} = ISO time + id, so newest first by a Query), with reason and actor. */
    public static final TableSpec STOCK_MOVEMENTS = new TableSpec("StockMovements", "STOCK_MOVEMENTS_TABLE", s("productId"),
            s("at"), List.of(), null, false);

    /**
     * Each merchant's sales by day ({@code day#2026-12-01}), by day and product ({@code product#<day>#<id>}), and the
     * markers of the order changes already counted ({@code fact#...}, kept 7 days by TTL: longer than a stream holds a record).
     */
    public static final TableSpec MERCHANT_SALES = new TableSpec("MerchantSales", "MERCHANT_SALES_TABLE", s("merchantId"),
            s("entryKey"), List.of(), "ttl", false);

    /**
     * CSV import jobs: status, counts and the next chunk to run; {@code byMerchant} lists a merchant's jobs. Streamed: each
     * change of a running job is what runs its next chunk (with retries and a failure queue), so a job that crashed
     * resumes from where it was.
     */
    public static final TableSpec IMPORTS = new TableSpec("Imports", "IMPORTS_TABLE", s("importId"), null,
            List.of(new Index("byMerchant", s("merchantId"), s("createdAt"))), "ttl", true);

    /** An import's validated rows in chunks ({@code chunk} 0, 1, ...), and its per-row errors; kept 30 days by TTL. */
    public static final TableSpec IMPORT_ROWS = new TableSpec("ImportRows", "IMPORT_ROWS_TABLE", s("importId"), n("chunk"),
            List.of(), "ttl", false);

    /**
     * A merchant's image uploads, one item each from the presigned POST to its outcome (attached, or refused and why);
     * gone after a day (ttl).
     */
    public static final TableSpec IMAGE_UPLOADS = new TableSpec("ImageUploads", "IMAGE_UPLOADS_TABLE", s("uploadId"), null,
            List.of(), "ttl", false);

    /**
     * The shop's merchants: one item per merchant (its id is what tokens carry as {@code custom:merchantId}), with the
     * account it belongs to; {@code byStatus} lists them. Streamed for the audit log.
     */
    public static final TableSpec MERCHANTS = new TableSpec("Merchants", "MERCHANTS_TABLE", s("merchantId"), null,
            List.of(new Index("byStatus", s("status"), s("createdAt"))), null, true);

    /**
     * The append-only audit log: one item per change of an audited item ({@code subject} = {@code <entity>#<id>},
     * {@code at} = ISO time + {@code #} + the change's feed id, so a change read twice is the same item). {@code byActor},
     * {@code byEntity} and {@code byMonth} ({@code 2026-12}) list entries newest first across subjects. No TTL: kept.
     */
    public static final TableSpec AUDIT_LOG = new TableSpec("AuditLog", "AUDIT_LOG_TABLE", s("subject"), s("at"),
            List.of(new Index("byActor", s("actor"), s("at")), new Index("byEntity", s("entity"), s("at")),
                    new Index("byMonth", s("month"), s("at"))), null, false);

    public static final List<TableSpec> ALL = List.of(PRODUCTS, CATEGORIES, BRANDS, CARTS, WISHLISTS, ORDERS, IDEMPOTENCY,
            PAYMENTS, PROCESSED_EVENTS, SHIPMENTS, PRODUCT_SKUS, STOCK_MOVEMENTS, MERCHANT_SALES, IMPORTS, IMPORT_ROWS,
            IMAGE_UPLOADS, MERCHANTS, AUDIT_LOG);

    /**
     * The tables whose every change is on the audit log, with the entity name an entry gives their items. Every write
     * of the shop to one of them stamps who made it (a write without an actor is refused before it is sent).
     */
    public static final Map<TableSpec, String> AUDITED = audited(PRODUCTS, "product", CATEGORIES, "category", BRANDS, "brand",
            ORDERS, "order", SHIPMENTS, "shipment", PAYMENTS, "payment", MERCHANTS, "merchant");

    private static Map<TableSpec, String> audited(Object... pairs) {
        Map<TableSpec, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((TableSpec) pairs[i], (String) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
