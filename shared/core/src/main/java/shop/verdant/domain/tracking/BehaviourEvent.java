package shop.verdant.domain.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import shop.verdant.domain.common.Money;

/**
 * One behaviour event, schema version {@value #SCHEMA}: the envelope (id, type, time, visit) and a typed detail.
 * {@link #problems()} is the schema check: an event with any problem is dropped and counted, never sent, and never
 * fails the request that caused it. {@link #document()} is the JSON document OpenSearch indexes under
 * {@code behaviour-*}; its mapping is {@code opensearch/templates/behaviour.json}.
 */
public record BehaviourEvent(String eventId, Instant at, Visit visit, Detail detail) {
    public static final int SCHEMA = 1;
    /** Ids the site and Cognito make: UUIDs and the like. Anything else is not an id (and may be someone's data). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,63}");
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What happened, one record per kind of event. */
    public sealed interface Detail permits Search, ProductEvent, Checkout, OrderEvent, Identify {
        EventType type();
    }

    /**
     * A catalog search: {@code terms} normalized (the catalog's tokens joined by a space; empty when browsing),
     * the filters used by name ({@code category}, {@code brand}, {@code colour}, {@code price}, {@code attr.NAME})
     * and as {@code name=value} pairs, the sort, the 1-based page and how many products matched.
     */
    public record Search(String terms, List<String> filters, List<String> filterValues, String sort, int page,
                         long resultCount) implements Detail {
        public Search {
            filters = List.copyOf(filters);
            filterValues = List.copyOf(filterValues);
        }

        @Override
        public EventType type() {
            return EventType.SEARCH;
        }
    }

    /** product_view, cart_add, cart_remove, wishlist_add: which product (and its name, for readable dashboards). */
    public record ProductEvent(EventType type, String productId, String name, String categoryId, int quantity)
            implements Detail {
    }

    /** checkout_started: the cart as the customer starts to check out. */
    public record Checkout(int items, Money subtotal) implements Detail {
        @Override
        public EventType type() {
            return EventType.CHECKOUT_STARTED;
        }
    }

    /** order_placed (from the order handler) or order_paid (from the Orders stream). */
    public record OrderEvent(EventType type, String orderId, int items, Money total) implements Detail {
    }

    public record Identify() implements Detail {
        @Override
        public EventType type() {
            return EventType.IDENTIFY;
        }
    }

    public EventType type() {
        return detail.type();
    }

    /** Whether a value is an id as visitor, session and user ids are (and so carries nobody's data). */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** What is wrong with this event by schema {@value #SCHEMA}; empty when it may be sent. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (eventId == null || !ID.matcher(eventId).matches()) {
            out.add("eventId");
        }
        if (at == null) {
            out.add("at");
        }
        if (visit == null || visit.visitorId() == null || !ID.matcher(visit.visitorId()).matches()) {
            out.add("visitorId");
        }
        if (visit != null && visit.sessionId() != null && !ID.matcher(visit.sessionId()).matches()) {
            out.add("sessionId");
        }
        if (visit != null && visit.userSub() != null && !ID.matcher(visit.userSub()).matches()) {
            out.add("userSub");
        }
        if (detail == null) {
            out.add("detail");
            return out;
        }
        if (detail instanceof Search s) {
            if (s.terms() == null || s.terms().length() > 200) {
                out.add("search.terms");
            }
            if (s.page() < 1 || s.resultCount() < 0 || s.sort() == null) {
                out.add("search.page");
            }
        } else if (detail instanceof ProductEvent p) {
            if (p.type() != EventType.PRODUCT_VIEW && p.type() != EventType.CART_ADD && p.type() != EventType.CART_REMOVE
                    && p.type() != EventType.WISHLIST_ADD) {
                out.add("type");
            }
            if (p.productId() == null || !PRODUCT.matcher(p.productId()).matches()) {
                out.add("product.productId");
            }
            if (p.quantity() < 0 || p.quantity() > 10_000) {
                out.add("product.quantity");
            }
        } else if (detail instanceof Checkout c) {
            if (c.items() < 1 || c.subtotal() == null) {
                out.add("checkout.items");
            }
        } else if (detail instanceof OrderEvent o) {
            if (o.type() != EventType.ORDER_PLACED && o.type() != EventType.ORDER_PAID) {
                out.add("type");
            }
            if (o.orderId() == null || !ID.matcher(o.orderId()).matches() || o.total() == null) {
                out.add("order.orderId");
            }
        } else if (detail instanceof Identify && visit != null && visit.userSub() == null) {
            out.add("userSub");
        }
        return out;
    }

    /** The document as indexed: flat envelope fields, the detail under its own object. */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("eventId", eventId);
        doc.put("type", type().wireName());
        doc.put("@timestamp", at.toString());
        doc.put("visitorId", visit.visitorId());
        if (visit.sessionId() != null) {
            doc.put("sessionId", visit.sessionId());
        }
        if (visit.userSub() != null) {
            doc.put("userSub", visit.userSub());
        }
        if (detail instanceof Search s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("terms", s.terms());
            m.put("termCount", s.terms().isEmpty() ? 0 : s.terms().split(" ").length);
            m.put("filters", s.filters());
            m.put("filterValues", s.filterValues());
            m.put("sort", s.sort());
            m.put("page", s.page());
            m.put("resultCount", s.resultCount());
            m.put("zeroResults", s.resultCount() == 0);
            doc.put("search", m);
        } else if (detail instanceof ProductEvent p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("productId", p.productId());
            if (p.name() != null) {
                m.put("name", p.name());
            }
            if (p.categoryId() != null) {
                m.put("categoryId", p.categoryId());
            }
            m.put("quantity", p.quantity());
            doc.put("product", m);
        } else if (detail instanceof Checkout c) {
            doc.put("checkout", Map.of("items", c.items(), "subtotalMinor", c.subtotal().minor(),
                "currency", c.subtotal().currency()));
        } else if (detail instanceof OrderEvent o) {
            doc.put("order", Map.of("orderId", o.orderId(), "items", o.items(),
                "totalMinor", o.total().minor(), "currency", o.total().currency()));
        }
        return doc;
    }
}
