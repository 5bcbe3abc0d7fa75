package shop.verdant.adapter.redis;

import redis.clients.jedis.JedisPooled;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Need;

/** The catalog's Redis side, as ports, over one authenticated pool. */
public final class RedisCatalog implements AutoCloseable {
    private final JedisPooled redis;
    private final RedisCatalogSnapshotStore snapshots;
    private final RedisCatalogCache cache;

    private RedisCatalog(JedisPooled redis) {
        this.redis = redis;
        this.snapshots = new RedisCatalogSnapshotStore(redis);
        this.cache = new RedisCatalogCache(redis);
    }

    public static RedisCatalog fromEnvironment(SecretSource secrets) {
        return new RedisCatalog(Redis.client(secrets.get(Need.REDIS.secretName())));
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
