package shop.verdant.contract;

import java.util.List;

/**
 * A function fed every change of several tables at once, in order per item. On AWS the tables stream into one Kinesis
 * data stream (Kinesis Data Streams for DynamoDB), which the function reads: it is not one more reader of each table's
 * own DynamoDB stream (those allow two). Each record carries its table's name; per-record failures are reported.
 */
public record ChangeFeed(Handler handler, List<TableSpec> tables) implements Trigger {
    public ChangeFeed {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(handler.functionName() + " follows no table");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.feed(this);
    }
}
