package shop.verdant.application.backoffice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.backoffice.port.SalesLedger;
import shop.verdant.domain.backoffice.Dashboard;
import shop.verdant.domain.backoffice.ProductRules;
import shop.verdant.domain.backoffice.SalesFact;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;

/**
 * The merchant's sales: kept from the Orders stream as per-merchant daily aggregates (each change of an order applied
 * once, however often the stream delivers it) and read back as the dashboard, by day range, never by a Scan.
 */
public final class MerchantSales {
    public static final int MAX_DAYS = 366;
    public static final long LOW_STOCK = 5;

    private final SalesLedger ledger;
    private final MerchantCatalogStore catalog;
    private final Clock clock;

    public MerchantSales(SalesLedger ledger, MerchantCatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Applies what an order's change means for its merchants' sales; answers how many facts were new. */
    public int record(Order before, Order after) {
        int applied = 0;
        for (SalesFact fact : SalesFact.of(before, after)) {
            applied += ledger.apply(fact) ? 1 : 0;
        }
        return applied;
    }

    /** {@code from}/{@code to}: ISO dates, both included; default the last 30 days up to today (UTC). */
    public Dashboard dashboard(String merchantId, String from, String to) {
        LocalDate today = SalesFact.dayOf(clock.instant());
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date(to, today, "to", errors);
        LocalDate start = date(from, end == null ? today.minusDays(29) : end.minusDays(29), "from", errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "Not after to."));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                errors.add(new FieldError("from", "At most " + MAX_DAYS + " days from to."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var low = catalog.list(merchantId, new MerchantCatalogStore.Filter("ACTIVE", null, LOW_STOCK), 20, null).items().stream()
                .map(l -> new Dashboard.LowStock(l.product().productId(), l.product().sku(), l.product().name(),
                        l.product().stockAvailable()))
                .toList();
        return Dashboard.of(start, end, ProductRules.CURRENCY, ledger.days(merchantId, start, end),
                ledger.products(merchantId, start, end), low);
    }

    private static LocalDate date(String text, LocalDate fallback, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A date like 2026-12-01."));
            return null;
        }
    }
}
