package shop.verdant.contract;

/** What one function may do with one table; CDK turns it into exactly these IAM actions. */
public enum TableAccess {
    /** GetItem, BatchGetItem, Query (never Scan on a request path). */
    READ,
    /** READ plus PutItem, UpdateItem, DeleteItem, BatchWriteItem and the transactions over them. */
    WRITE,
    /**
     * READ plus UpdateItem: changes what an existing item holds (moves stock between available, reserved and sold;
     * attaches a product's images); every such update is conditioned on the item existing.
     */
    STOCK,
    /** PutItem only, conditioned on the item being new: an append-only log (nothing read, changed or deleted). */
    APPEND
}
