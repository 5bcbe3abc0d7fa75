package shop.verdant.adapter.redis;

import redis.clients.jedis.JedisPooled;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.config.SecretSource;

/** The catalog's Redis side, as ports, over one authenticated pool. */
public final class RedisCatalog implements AutoCloseable {
    /** The secret that holds the Redis password (ElastiCache auth token). */
    public static final String AUTH_SECRET = "REDIS_AUTH";

    private final JedisPooled redis;
    private final RedisCatalogSnapshotStore snapshots;
    private final RedisCatalogCache cache;

    private RedisCatalog(JedisPooled redis) {
        this.redis = redis;
        this.snapshots = new RedisCatalogSnapshotStore(redis);
        this.cache = new RedisCatalogCache(redis);
    }

    public static RedisCatalog fromEnvironment(SecretSource secrets) {
        return new RedisCatalog(Redis.client(secrets.get(AUTH_SECRET)));
    }

    public CatalogSnapshotStore snapshots() {
        return snapshots;
    }

    public CatalogCache cache() {
        return cache;
    }

    /** After a SnapStart restore the pooled connections are dead: drop them, the pool opens new ones. */
    public void dropConnections() {
        redis.getPool().clear();
    }

    @Override
    public void close() {
        redis.close();
    }
}
