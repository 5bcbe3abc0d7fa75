package shop.verdant.adapter.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.CatalogItemCodec;

/**
 * The snapshot as a Redis hash (productId → the item in {@link CatalogItemCodec}'s binary form) plus a version
 * counter. Every change runs in a MULTI with INCR of the version, and a load reads both in one MULTI, so a
 * version never names data older than itself. The binary form reads without a JSON parser: a cold container
 * loads the whole catalog at start.
 */
public final class RedisCatalogSnapshotStore implements CatalogSnapshotStore {
    static final String VERSION = "catalog:version";
    static final String ITEMS = "catalog:items:bin";
    private static final String BUILDING = "catalog:items:bin:building";
    private static final byte[] ITEMS_KEY = bytes(ITEMS);
    private static final byte[] BUILDING_KEY = bytes(BUILDING);
    private static final int BATCH = 500;

    private final JedisPooled redis;

    public RedisCatalogSnapshotStore(JedisPooled redis) {
        this.redis = redis;
    }

    @Override
    public long version() {
        String v = redis.get(VERSION);
        return v == null ? 0 : Long.parseLong(v);
    }

    @Override
    public Snapshot load() {
        Response<String> version;
        Response<Map<byte[], byte[]>> items;
        try (AbstractTransaction tx = redis.multi()) {
            version = tx.get(VERSION);
            items = tx.hgetAll(ITEMS_KEY);
            tx.exec();
        }
        List<CatalogItem> out = new ArrayList<>(items.get().size());
        for (byte[] value : items.get().values()) {
            out.add(CatalogItemCodec.decode(value));
        }
        return new Snapshot(version.get() == null ? 0 : Long.parseLong(version.get()), out);
    }

    @Override
    public void upsert(CatalogItem item) {
        try (AbstractTransaction tx = redis.multi()) {
            tx.hset(ITEMS_KEY, bytes(item.productId()), CatalogItemCodec.encode(item));
            tx.incr(VERSION);
            tx.exec();
        }
    }

    @Override
    public void remove(String productId) {
        try (AbstractTransaction tx = redis.multi()) {
            tx.hdel(ITEMS_KEY, bytes(productId));
            tx.incr(VERSION);
            tx.exec();
        }
    }

    @Override
    public void replaceAll(List<CatalogItem> items) {
        redis.del(BUILDING_KEY);
        for (int i = 0; i < items.size(); i += BATCH) {
            Map<byte[], byte[]> batch = new HashMap<>();
            for (CatalogItem item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                batch.put(bytes(item.productId()), CatalogItemCodec.encode(item));
            }
            redis.hset(BUILDING_KEY, batch);
        }
        try (AbstractTransaction tx = redis.multi()) {
            if (items.isEmpty()) {
                tx.del(ITEMS_KEY);
            } else {
                tx.rename(BUILDING_KEY, ITEMS_KEY);
            }
            tx.incr(VERSION);
            tx.exec();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void bumpVersion() {
        redis.incr(VERSION);
    }
}
