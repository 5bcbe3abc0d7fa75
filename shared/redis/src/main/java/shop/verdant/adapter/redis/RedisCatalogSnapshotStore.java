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
import shop.verdant.http.Json;

/**
 * The snapshot as a Redis hash (productId → item JSON) plus a version counter. Every change runs in a
 * MULTI with INCR of the version, and a load reads both in one MULTI, so a version never names data
 * older than itself.
 */
public final class RedisCatalogSnapshotStore implements CatalogSnapshotStore {
    static final String VERSION = "catalog:version";
    static final String ITEMS = "catalog:items";
    private static final String BUILDING = "catalog:items:building";
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
        Response<Map<String, String>> items;
        try (AbstractTransaction tx = redis.multi()) {
            version = tx.get(VERSION);
            items = tx.hgetAll(ITEMS);
            tx.exec();
        }
        List<CatalogItem> out = new ArrayList<>(items.get().size());
        for (String json : items.get().values()) {
            out.add(Json.read(json, CatalogItem.class));
        }
        return new Snapshot(version.get() == null ? 0 : Long.parseLong(version.get()), out);
    }

    @Override
    public void upsert(CatalogItem item) {
        try (AbstractTransaction tx = redis.multi()) {
            tx.hset(ITEMS, item.productId(), Json.write(item));
            tx.incr(VERSION);
            tx.exec();
        }
    }

    @Override
    public void remove(String productId) {
        try (AbstractTransaction tx = redis.multi()) {
            tx.hdel(ITEMS, productId);
            tx.incr(VERSION);
            tx.exec();
        }
    }

    @Override
    public void replaceAll(List<CatalogItem> items) {
        redis.del(BUILDING);
        for (int i = 0; i < items.size(); i += BATCH) {
            Map<String, String> batch = new HashMap<>();
            for (CatalogItem item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                batch.put(item.productId(), Json.write(item));
            }
            redis.hset(BUILDING, batch);
        }
        try (AbstractTransaction tx = redis.multi()) {
            if (items.isEmpty()) {
                tx.del(ITEMS);
            } else {
                tx.rename(BUILDING, ITEMS);
            }
            tx.incr(VERSION);
            tx.exec();
        }
    }

    @Override
    public void bumpVersion() {
        redis.incr(VERSION);
    }
}
