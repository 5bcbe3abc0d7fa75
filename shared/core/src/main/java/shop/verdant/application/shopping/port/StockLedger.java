package shop.verdant.application.shopping.port;

/** A product's stock counters outside of orders: restocking, and reading the three buckets. */
public interface StockLedger {
    record Levels(long available, long reserved, long sold) {
        public long total() {
            return available + reserved + sold;
        }
    }

    /** Adds {@code quantity} (> 0) to what can be ordered. */
    void restock(String productId, long quantity);

    Levels levels(String productId);
}
