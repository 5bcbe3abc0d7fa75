package shop.verdant.application.backoffice.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.backoffice.Dashboard;
import shop.verdant.domain.backoffice.SalesDay;
import shop.verdant.domain.backoffice.SalesFact;

/** Per-merchant daily sales aggregates, kept from the Orders stream; read by day range, never scanned. */
public interface SalesLedger {

    /** Adds the fact to its day once: false when its key was applied before (a redelivered stream record). */
    boolean apply(SalesFact fact);

    List<SalesDay> days(String merchantId, LocalDate from, LocalDate to);

    /** What each product sold over the range. */
    Map<String, Dashboard.TopProduct> products(String merchantId, LocalDate from, LocalDate to);
}
