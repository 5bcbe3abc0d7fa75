package shop.verdant.contract;

/** A function fed by a table's change stream, in batches with per-record failures reported. */
public record TableStream(Handler handler, TableSpec table) implements Trigger {
    public TableStream {
        if (!table.stream()) {
            throw new IllegalArgumentException(table.logicalName() + " has no stream");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.stream(this);
    }
}
