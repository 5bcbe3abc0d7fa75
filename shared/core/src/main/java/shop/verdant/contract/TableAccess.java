package shop.verdant.contract;

/** What one function may do with one table; CDK turns it into exactly these IAM actions. */
public enum TableAccess {
    /** GetItem, BatchGetItem, Query (never Scan on a request path). */
    READ,
    /** READ plus PutItem, UpdateItem, DeleteItem, BatchWriteItem and the transactions over them. */
    WRITE,
    /** READ plus UpdateItem: moves stock between available, reserved and sold; can create nothing. */
    STOCK
}
