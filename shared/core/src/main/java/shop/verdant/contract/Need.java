package shop.verdant.contract;

/** What a function group needs besides its tables; CDK provisions it, the local shop starts or generates it. */
public enum Need {
    /** The catalog cache: runs in the VPC beside ElastiCache, with the Redis auth token. */
    REDIS,
    /** Verifies Cognito tokens itself (routes whose auth is OPTIONAL): the pool's issuer and app client. */
    TOKEN_VERIFIER,
    /** The key that seals search cursors (a secret with key ids, so keys rotate without breaking cursors). */
    CURSOR_KEY,
    /** The key that signs visitor cart tokens, so only tokens the server issued name a cart. */
    CART_TOKEN_KEY,
    /** Cognito's admin API on the shop's user pool (adding users to groups). */
    USER_POOL_ADMIN
}
