package shop.verdant.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shop.verdant.application.backoffice.EntityTags;
import shop.verdant.application.backoffice.MerchantStock;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.backoffice.port.ShipmentDesk;
import shop.verdant.domain.backoffice.Dashboard;
import shop.verdant.domain.backoffice.SalesDay;
import shop.verdant.domain.backoffice.StockMovement;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.shopping.Shipment;

/** The back office's JSON: money as minor units with the currency, times as ISO-8601, every list with its cursor. */
final class MerchantViews {
    private MerchantViews() {
    }

    static Map<String, Object> product(MerchantCatalogStore.Listing listing) {
        Product p = listing.product();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.productId());
        out.put("sku", p.sku());
        out.put("name", p.name());
        out.put("description", p.description());
        out.put("status", p.status().name());
        if (listing.moderatedBecause() != null) {
            out.put("moderatedBecause", listing.moderatedBecause());
        }
        out.put("priceMinor", p.price().minor());
        out.put("currency", p.price().currency());
        out.put("categoryId", p.categoryId());
        out.put("brandId", p.brandId());
        out.put("colour", p.colour());
        out.put("attributes", new TreeMap<>(p.attributes()));
        out.put("stock", Map.of("available", p.stockAvailable(), "reserved", p.stockReserved()));
        out.put("images", p.images());
        if (p.seo() != null) {
            Map<String, Object> seo = new LinkedHashMap<>();
            seo.put("slug", p.seo().slug());
            seo.put("title", p.seo().title());
            seo.put("description", p.seo().description());
            out.put("seo", seo);
        }
        out.put("createdAt", p.createdAt());
        out.put("updatedAt", p.updatedAt());
        out.put("updatedBy", p.updatedBy());
        out.put("etag", EntityTags.of(listing.revision()));
        return out;
    }

    static Map<String, Object> products(MerchantCatalogStore.Page page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(MerchantViews::product).toList());
        out.put("nextCursor", page.nextCursor());
        return out;
    }

    static Map<String, Object> movement(StockMovement m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.movementId());
        out.put("at", m.at());
        out.put("delta", m.delta());
        out.put("availableBefore", m.availableBefore());
        out.put("availableAfter", m.availableAfter());
        out.put("reason", m.reason());
        out.put("note", m.note());
        out.put("actor", m.actor());
        return out;
    }

    static Map<String, Object> moved(MerchantStock.Moved moved) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("productId", moved.product().productId());
        out.put("available", moved.product().stockAvailable());
        out.put("reserved", moved.product().stockReserved());
        out.put("movement", moved.movement() == null ? null : movement(moved.movement()));
        return out;
    }

    static Map<String, Object> stock(Product p, List<StockMovement> movements) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("productId", p.productId());
        out.put("available", p.stockAvailable());
        out.put("reserved", p.stockReserved());
        out.put("movements", movements.stream().map(MerchantViews::movement).toList());
        return out;
    }

    static Map<String, Object> shipment(Shipment s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderId", s.orderId());
        out.put("status", s.status());
        out.put("carrier", s.carrier());
        out.put("trackingNumber", s.trackingNumber());
        out.put("items", s.items().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("productId", i.productId());
            m.put("sku", i.sku());
            m.put("name", i.name());
            m.put("quantity", i.quantity());
            return m;
        }).toList());
        out.put("history", s.history().stream().map(h -> Map.of("status", h.status(), "at", h.at().toString(),
                "actor", h.actor() == null ? "" : h.actor())).toList());
        out.put("createdAt", s.createdAt());
        out.put("updatedAt", s.updatedAt());
        return out;
    }

    static Map<String, Object> shipments(ShipmentDesk.Page page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(MerchantViews::shipment).toList());
        out.put("nextCursor", page.nextCursor());
        return out;
    }

    static Map<String, Object> dashboard(Dashboard d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", d.from().toString());
        out.put("to", d.to().toString());
        out.put("currency", d.revenue().currency());
        out.put("revenueMinor", d.revenue().minor());
        out.put("grossMinor", d.gross().minor());
        out.put("refundedMinor", d.refunded().minor());
        out.put("orders", d.orders());
        out.put("units", d.units());
        out.put("averageOrderValueMinor", d.averageOrderValue().minor());
        out.put("series", d.series().stream().map(MerchantViews::day).toList());
        out.put("topProducts", d.topProducts().stream().map(t -> Map.of("productId", t.productId(),
                "name", t.name() == null ? "" : t.name(), "units", t.units(), "grossMinor", t.grossMinor())).toList());
        out.put("lowStock", d.lowStock().stream().map(l -> Map.of("productId", l.productId(), "sku", l.sku() == null ? "" : l.sku(),
                "name", l.name(), "available", l.available())).toList());
        return out;
    }

    private static Map<String, Object> day(SalesDay d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", d.day().toString());
        out.put("orders", d.orders());
        out.put("units", d.units());
        out.put("revenueMinor", d.netMinor());
        out.put("refundedMinor", d.refundedMinor());
        return out;
    }

    /** An import job: where it stands, its counts, and up to 50 of its errors (the whole report is GET …/errors). */
    static Map<String, Object> importJob(shop.verdant.application.backoffice.port.ImportStore.Job j, boolean stalled,
                                         List<shop.verdant.domain.backoffice.RowError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", j.importId());
        out.put("status", j.status());
        out.put("stalled", stalled);
        out.put("rowsTotal", j.rowsTotal());
        out.put("rowsValid", j.rowsValid());
        out.put("rowsDone", j.rowsDone());
        out.put("created", j.created());
        out.put("updated", j.updated());
        out.put("unchanged", j.unchanged());
        out.put("failed", j.failed());
        out.put("errorCount", j.errorCount() + j.failed());
        out.put("errors", errors.stream().limit(50).map(e -> Map.of("row", e.row(), "column", e.column(), "message", e.message()))
                .toList());
        out.put("createdAt", j.createdAt());
        out.put("updatedAt", j.updatedAt());
        return out;
    }
}
