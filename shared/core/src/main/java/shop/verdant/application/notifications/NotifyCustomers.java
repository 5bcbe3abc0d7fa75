package shop.verdant.application.notifications;

import java.util.Objects;
import shop.verdant.application.notifications.port.Mailer;
import shop.verdant.application.notifications.port.NoticeLog;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.domain.notifications.CustomerEmails;
import shop.verdant.domain.notifications.Email;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.Shipment;

/**
 * Tells customers what happened to their orders, from the changes themselves (the Orders and Shipments streams), so no
 * write path can forget: confirmed when an order is paid or confirmed for cash on delivery, shipped with the tracking
 * number, delivered. Each notice is claimed in the notice log before it is sent and given back if sending fails, so a
 * stream record delivered twice sends once, and a failed send is retried with its record.
 */
public final class NotifyCustomers {
    private final Mailer mailer;
    private final NoticeLog log;
    private final OrderStore orders;
    private final String shopUrl;

    public NotifyCustomers(Mailer mailer, NoticeLog log, OrderStore orders, String shopUrl) {
        this.mailer = mailer;
        this.log = log;
        this.orders = orders;
        this.shopUrl = shopUrl;
    }

    /** Answers whether a notice went out. */
    public boolean orderChanged(Order before, Order after) {
        if (after == null || before == null && after.status() == OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        boolean wasSold = before != null && before.status().isSold();
        boolean sold = after.status() == OrderStatus.PAID || after.status() == OrderStatus.CONFIRMED;
        if (wasSold || !sold) {
            return false;   // cash collected at the door (CONFIRMED → PAID) was announced when it was confirmed
        }
        return send("order:" + after.orderId() + ":confirmed", CustomerEmails.confirmed(after, shopUrl));
    }

    public boolean shipmentChanged(Shipment before, Shipment after) {
        if (after == null || before != null && Objects.equals(before.status(), after.status())) {
            return false;
        }
        if (!"SHIPPED".equals(after.status()) && !"DELIVERED".equals(after.status())) {
            return false;
        }
        Order order = orders.find(after.orderId()).orElse(null);
        if (order == null) {
            return false;
        }
        Email email = "SHIPPED".equals(after.status()) ? CustomerEmails.shipped(order, after, shopUrl)
                : CustomerEmails.delivered(order, after, shopUrl);
        return send("shipment:" + after.orderId() + ":" + after.merchantId() + ":" + after.status(), email);
    }

    private boolean send(String key, Email email) {
        if (email.to() == null || email.to().isBlank()) {
            return false;   // an order without a contact address (placed before addresses were kept)
        }
        if (!log.claim(key)) {
            return false;
        }
        try {
            mailer.send(email);
            return true;
        } catch (RuntimeException e) {
            log.release(key);
            throw e;
        }
    }
}
