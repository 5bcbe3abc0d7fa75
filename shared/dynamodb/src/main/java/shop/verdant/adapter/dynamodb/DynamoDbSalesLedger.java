package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.backoffice.port.SalesLedger;
import shop.verdant.domain.backoffice.Dashboard;
import shop.verdant.domain.backoffice.SalesDay;
import shop.verdant.domain.backoffice.SalesFact;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * MerchantSales: per merchant, {@code day#<date>} and {@code product#<date>#<productId>} counters moved with ADD,
 * and a {@code fact#<key>} marker put in the same transaction (only if absent), so a fact counts once however often
 * the stream delivers its record. Read by key range: the dashboard never scans.
 */
public final class DynamoDbSalesLedger implements SalesLedger {
    static final Duration MARKER_KEPT = Duration.ofDays(7);

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbSalesLedger(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean apply(SalesFact fact) {
        List<TransactWriteItem> items = new ArrayList<>();
        AttributeValue merchant = s(fact.merchantId());
        items.add(TransactWriteItem.builder().put(b -> b.tableName(table).item(Map.of("merchantId", merchant,
                        "entryKey", s("fact#" + fact.key()), "ttl", n(Instant.now().plus(MARKER_KEPT).getEpochSecond())))
                .conditionExpression("attribute_not_exists(entryKey)")).build());
        items.add(TransactWriteItem.builder().update(b -> b.tableName(table)
                .key(Map.of("merchantId", merchant, "entryKey", s("day#" + fact.day())))
                .updateExpression("ADD orderCount :o, unitCount :u, grossMinor :g, refundedMinor :r")
                .expressionAttributeValues(Map.of(":o", n(fact.orders()), ":u", n(fact.units()), ":g", n(fact.gross().minor()),
                        ":r", n(fact.refunded().minor())))).build());
        fact.products().forEach((productId, sale) -> items.add(TransactWriteItem.builder().update(b -> b.tableName(table)
                .key(Map.of("merchantId", merchant, "entryKey", s("product#" + fact.day() + "#" + productId)))
                .updateExpression("SET #name = :name ADD unitCount :u, grossMinor :g")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", s(sale.name()), ":u", n(sale.units()), ":g", n(sale.grossMinor()))))
                .build()));
        if (items.size() > 100) {
            throw new IllegalStateException("a sale of " + fact.products().size() + " products does not fit one transaction");
        }
        return Transact.run(client, items, true, reasons -> {
            if (Transact.failed(reasons.get(0))) {
                return false;
            }
            throw new IllegalStateException("sales of " + fact.key() + " not applied: " + reasons);
        });
    }

    @Override
    public List<SalesDay> days(String merchantId, LocalDate from, LocalDate to) {
        List<SalesDay> out = new ArrayList<>();
        range(merchantId, "day#" + from, "day#" + to).forEach(i -> out.add(new SalesDay(
                LocalDate.parse(str(i, "entryKey").substring(4)), num(i, "orderCount"), num(i, "unitCount"), num(i, "grossMinor"),
                num(i, "refundedMinor"))));
        return out;
    }

    @Override
    public Map<String, Dashboard.TopProduct> products(String merchantId, LocalDate from, LocalDate to) {
        Map<String, Dashboard.TopProduct> out = new LinkedHashMap<>();
        range(merchantId, "product#" + from + "#", "product#" + to + "#\uffff").forEach(i -> {
            String entry = str(i, "entryKey");
            String productId = entry.substring(entry.indexOf('#', "product#".length()) + 1);
            out.merge(productId, new Dashboard.TopProduct(productId, str(i, "name"), num(i, "unitCount"), num(i, "grossMinor")),
                    (a, b) -> new Dashboard.TopProduct(productId, b.name(), a.units() + b.units(), a.grossMinor() + b.grossMinor()));
        });
        return out;
    }

    private Iterable<Map<String, AttributeValue>> range(String merchantId, String from, String to) {
        return client.queryPaginator(b -> b.tableName(table).keyConditionExpression("merchantId = :m AND entryKey BETWEEN :f AND :t")
                .expressionAttributeValues(Map.of(":m", s(merchantId), ":f", s(from), ":t", s(to)))).items();
    }
}
