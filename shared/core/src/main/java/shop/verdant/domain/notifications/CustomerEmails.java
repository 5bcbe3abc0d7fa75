package shop.verdant.domain.notifications;

import java.util.List;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.Shipment;

/**
 * What the shop tells a customer about an order, as plain text and HTML (everything from the order escaped): that it
 * is confirmed (paid, or to be paid at the door), that a parcel left (with carrier and tracking number), and that it
 * arrived. {@code shopUrl} is where the order page is.
 */
public final class CustomerEmails {
    private CustomerEmails() {
    }

    public static Email confirmed(Order o, String shopUrl) {
        boolean atDoor = o.payment() != null && "cod".equals(o.payment().provider()) && !o.status().name().equals("PAID");
        String subject = "Your Verdant order " + shortId(o) + (atDoor ? " is confirmed" : " is paid");
        String lead = atDoor ? "Thank you! Your order is confirmed. You pay " + money(o.total()) + " when the courier brings it."
                : "Thank you! We have your payment of " + money(o.total()) + ", and your order is on its way to being packed.";
        return build(o, subject, lead, lines(o.lines()), shopUrl);
    }

    public static Email shipped(Order o, Shipment s, String shopUrl) {
        String subject = "Your Verdant parcel is on its way (" + shortId(o) + ")";
        String lead = "Good news: a parcel of your order left us with " + s.carrier() + ". Tracking number: " + s.trackingNumber() + ".";
        return build(o, subject, lead, items(s), shopUrl);
    }

    public static Email delivered(Order o, Shipment s, String shopUrl) {
        String subject = "Your Verdant parcel was delivered (" + shortId(o) + ")";
        String lead = "Your parcel was delivered. We hope it serves you well for a long time.";
        return build(o, subject, lead, items(s), shopUrl);
    }

    private static List<String> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> l.quantity() + " × " + l.name()).toList();
    }

    private static List<String> items(Shipment s) {
        return s.items().stream().map(i -> i.quantity() + " × " + i.name()).toList();
    }

    private static Email build(Order o, String subject, String lead, List<String> what, String shopUrl) {
        String link = shopUrl + "?view=order&id=" + o.orderId();
        String greeting = o.shipTo() != null && o.shipTo().name() != null ? "Hello " + o.shipTo().name() + "," : "Hello,";
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(lead).append("\n\n");
        what.forEach(w -> text.append("  ").append(w).append('\n'));
        text.append("\nYour order: ").append(link).append("\n\nVerdant — everyday goods that last\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:system-ui,sans-serif;color:#1d2a22\">")
                .append("<p>").append(escape(greeting)).append("</p><p>").append(escape(lead)).append("</p><ul>");
        what.forEach(w -> html.append("<li>").append(escape(w)).append("</li>"));
        html.append("</ul><p><a href=\"").append(escape(link)).append("\">See your order</a></p>")
                .append("<p style=\"color:#5d6b62\">Verdant — everyday goods that last</p></body></html>");
        return new Email(o.contactEmail(), subject, text.toString(), html.toString());
    }

    static String shortId(Order o) {
        return o.orderId().length() > 8 ? o.orderId().substring(o.orderId().length() - 8) : o.orderId();
    }

    private static String money(Money m) {
        return "€" + m.toDecimalString();
    }

    /** HTML text: the five characters that could start markup or end an attribute, as entities. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
