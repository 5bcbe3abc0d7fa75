package shop.verdant.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.shopping.Order;

/** What the admins' pages read of orders and payments (never a payment's client secret). */
final class AdminViews {
    private AdminViews() {
    }

    static Map<String, Object> money(Money m) {
        return Map.of("amount", m.minor(), "currency", m.currency());
    }

    static Map<String, Object> order(Order o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orderId", o.orderId());
        v.put("customerId", o.customerId());
        if (o.contactEmail() != null) {
            v.put("email", o.contactEmail());
        }
        v.put("status", o.status().name());
        v.put("total", money(o.totals().total()));
        v.put("createdAt", o.createdAt());
        v.put("updatedAt", o.updatedAt());
        if (o.placedBy() != null) {
            v.put("placedBy", o.placedBy());
        }
        v.put("lines", o.lines().stream().map(l -> Map.<String, Object>of("productId", l.productId(), "name", l.name(),
                "merchantId", l.merchantId(), "quantity", l.quantity(), "subtotal", l.subtotalMinor())).toList());
        if (o.payment() != null) {
            v.put("payment", Map.of("provider", o.payment().provider(), "refunded", o.payment().refundedMinor(),
                    "disputed", o.payment().disputed()));
        }
        return v;
    }

    static Map<String, Object> payment(Payment p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("provider", p.provider());
        v.put("reference", p.reference());
        v.put("status", p.status().name());
        v.put("amount", money(p.amount()));
        v.put("refunded", money(p.refunded()));
        if (p.lastError() != null) {
            v.put("lastError", p.lastError());
        }
        v.put("createdAt", p.createdAt());
        v.put("updatedAt", p.updatedAt());
        return v;
    }
}
