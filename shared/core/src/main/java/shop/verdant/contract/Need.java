package shop.verdant.contract;

import java.util.Optional;

/**
 * What a function group needs besides its tables; CDK provisions it, the local shop starts or generates it.
 * A need that is a secret names it: the setting the code reads, and on AWS {@code NAME_SECRET_ARN}.
 */
public enum Need {
    /** The catalog cache: runs in the VPC beside ElastiCache, authenticating with the auth token. */
    REDIS("REDIS_AUTH"),
    /** Verifies Cognito tokens itself (routes whose auth is OPTIONAL): the pool's issuer and app client. */
    TOKEN_VERIFIER(null),
    /** The keyring that seals search cursors (key ids, so keys rotate without breaking cursors). */
    CURSOR_KEY("CURSOR_KEYS"),
    /** The keyring that signs visitor cart tokens, so only tokens the server issued name a cart. */
    CART_TOKEN_KEY("CART_TOKEN_KEYS"),
    /** Cognito's admin API on the shop's user pool (adding users to groups). */
    USER_POOL_ADMIN(null),
    /** Stripe's secret API key (sk_...): creating, reading, cancelling and refunding PaymentIntents. */
    STRIPE_API_KEY("STRIPE_SECRET_KEY"),
    /** The Stripe webhook endpoint's signing secret (whsec_...), read only by the webhook. */
    STRIPE_WEBHOOK_SECRET("STRIPE_WEBHOOK_SECRET"),
    /**
     * Emits behaviour events as log lines ({@code BEHAVIOUR_SINK=log}): CDK subscribes the function's log group
     * to the behaviour delivery stream; the local shop delivers them into its OpenSearch.
     */
    BEHAVIOUR_LOG(null),
    /** Puts behaviour events into the direct behaviour delivery stream itself (Firehose PutRecordBatch). */
    BEHAVIOUR_STREAM(null),
    /**
     * Reads the behaviour indices of the OpenSearch domain (in the VPC, SigV4-signed; fine-grained access control
     * maps the function's role to a read-only role).
     */
    OPENSEARCH_READ(null),
    /**
     * Administers the tracking indices on deploy: templates, retention policies, access roles and Dashboards objects,
     * as the domain's fine-grained access control master user (its name and password: a secret, on AWS only).
     */
    OPENSEARCH_ADMIN("OPENSEARCH_MASTER"),
    /**
     * Points OpenSearch Dashboards' sign-in at the token's role (on deploy): lists the user pool's app clients, reads
     * and sets the identity pool's role mappings, and passes its roles.
     */
    DASHBOARDS_SIGN_IN(null),
    /**
     * Sends customer emails through SES from the shop's verified identity ({@code MAIL_FROM}; {@code SHOP_URL} for the
     * links in them); the local shop delivers them into its mailbox.
     */
    EMAIL(null),
    /**
     * Signs presigned POSTs into the images bucket's {@link Buckets#UPLOADS} ({@code IMAGES_BUCKET}, {@code IMAGES_UPLOAD_URL}):
     * the browser's upload acts with this function's permission, so it may put objects there and nowhere else.
     */
    IMAGE_UPLOAD(null),
    /** Reads and removes uploads, and writes renditions under {@link Buckets#RENDITIONS}. */
    IMAGE_RENDITIONS(null),
    /** Removes renditions under {@link Buckets#RENDITIONS} (of images taken off a product). */
    IMAGE_PRUNE(null),
    /**
     * The customers' pool as the call centre's customer directory ({@code USER_POOL_ID}): ListUsers, AdminCreateUser,
     * AdminSetUserPassword and AdminAddUserToGroup on that pool, nothing else of Cognito.
     */
    CUSTOMER_DIRECTORY(null),
    /**
     * Makes a member of the staff pool a merchant ({@code STAFF_POOL_ID}): ListUsers, AdminCreateUser (the invitation of
     * someone new), AdminUpdateUserAttributes (the {@code custom:merchantId} only the admin API may write) and
     * AdminAddUserToGroup {@code merchants}.
     */
    MERCHANT_ONBOARDING(null),
    /**
     * Brings a member of staff into the staff pool ({@code STAFF_POOL_ID}): ListUsers, AdminCreateUser (the invitation of
     * someone new) and AdminAddUserToGroup for the role's group. No attribute writes.
     */
    STAFF_ONBOARDING(null),
    /** Lists the staff pool's groups ({@code STAFF_POOL_ID}): ListUsersInGroup, nothing else. */
    STAFF_DIRECTORY(null),
    /** Takes a role from a member of staff ({@code STAFF_POOL_ID}): ListUsersInGroup and AdminRemoveUserFromGroup. */
    STAFF_OFFBOARDING(null);

    private final String secret;

    Need(String secret) {
        this.secret = secret;
    }

    /** The secret this need is, if it is one. */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    /** The secret's name; for needs that are secrets only. */
    public String secretName() {
        return secret().orElseThrow(() -> new IllegalStateException(this + " is not a secret"));
    }
}
