package shop.verdant.adapter.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.CatalogItemCodec;

/**
 * The snapshot as a Redis hash (productId → the item in {@link CatalogItemCodec}'s binary form) plus a version
 * counter, and a change log: a sorted set of product ids scored by the version of their latest change, complete
 * for every version after {@code catalog:changes:floor}. Each change is one script (the version's INCR, the item,
 * the log entry, the trim) and a load reads the hash and the version in one MULTI, so a version never names data
 * older than itself. A warm container reads only the log entries after its version and those items; the binary
 * form reads without a JSON parser for the cold one, which loads everything.
 */
public final class RedisCatalogSnapshotStore implements CatalogSnapshotStore {
    static final String VERSION = "catalog:version";
    static final String ITEMS = "catalog:items:bin";
    private static final String BUILDING = "catalog:items:bin:building";
    private static final byte[] ITEMS_KEY = bytes(ITEMS);
    private static final byte[] BUILDING_KEY = bytes(BUILDING);
    static final String CHANGES = "catalog:changes";
    static final String FLOOR = "catalog:changes:floor";
    private static final int BATCH = 500;
    static final int SCAN_PAGE = 10_000;
    /** How many products the log remembers; a container further behind than that loads everything. */
    static final int LOG_SIZE = 10_000;

    /** KEYS: version, items, changes, floor; ARGV: product id, item (empty to remove), log size. Answers the new version. */
    private static final String CHANGE = """
            local v = redis.call('INCR', KEYS[1])
            if ARGV[2] == '' then redis.call('HDEL', KEYS[2], ARGV[1]) else redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
            redis.call('ZADD', KEYS[3], v, ARGV[1])
            local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[3])
            if over > 0 then
              local last = redis.call('ZRANGE', KEYS[3], over - 1, over - 1, 'WITHSCORES')
              redis.call('ZREMRANGEBYRANK', KEYS[3], 0, over - 1)
              redis.call('SET', KEYS[4], last[2])
            end
            return v
            """;

    /** KEYS: version, changes, floor. A new start for the log: nothing before the new version can be told from it. */
    private static final String RESTART_LOG = """
            local v = redis.call('INCR', KEYS[1])
            redis.call('DEL', KEYS[2])
            redis.call('SET', KEYS[3], v)
            return v
            """;

    /** KEYS: building, items, version, changes, floor; ARGV: "swap" or "empty". */
    private static final String REPLACE = """
            if ARGV[1] == 'empty' then redis.call('UNLINK', KEYS[2]) else redis.call('UNLINK', KEYS[2]); redis.call('RENAME', KEYS[1], KEYS[2]) end
            local v = redis.call('INCR', KEYS[3])
            redis.call('DEL', KEYS[4])
            redis.call('SET', KEYS[5], v)
            return v
            """;

    static final String IMAGE = "catalog:image";
    static final String IMAGE_VERSION = "catalog:image:version";
    /** Past this an image is not published (Redis strings end at 512 MB; 1M products make ~480 MB). */
    static final int MAX_IMAGE_BYTES = 256 * 1024 * 1024;

    /** KEYS: image, image version; ARGV: version, bytes. Keeps the newer image. */
    private static final String SAVE_IMAGE = """
            local current = tonumber(redis.call('GET', KEYS[2]) or '-1')
            if current >= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1])
            return 1
            """;

    private final JedisPooled redis;
    private final int logSize;

    public RedisCatalogSnapshotStore(JedisPooled redis) {
        this(redis, LOG_SIZE);
    }

    /** {@code logSize}: how many products the change log remembers (tests make it small). */
    public RedisCatalogSnapshotStore(JedisPooled redis, int logSize) {
        this.redis = redis;
        this.logSize = logSize;
    }

    @Override
    public long version() {
        String v = redis.get(VERSION);
        return v == null ? 0 : Long.parseLong(v);
    }

    /**
     * Everything, consistent as of one version, in pieces: the version, then the hash in {@code HSCAN} pages of
     * {@value #SCAN_PAGE} (one {@code HGETALL} of a million products is 340 MB in one answer, past any sane read
     * timeout), then what the change log says changed meanwhile, read again. Should the log restart meanwhile (a
     * full republish), it starts over.
     */
    @Override
    public Snapshot load() {
        for (int attempt = 0; ; attempt++) {
            long from = version();
            Map<String, CatalogItem> items = new java.util.LinkedHashMap<>();
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            ScanParams page = new ScanParams().count(SCAN_PAGE);
            do {
                ScanResult<Map.Entry<byte[], byte[]>> answer = redis.hscan(ITEMS_KEY, cursor, page);
                for (Map.Entry<byte[], byte[]> e : answer.getResult()) {
                    CatalogItem item = CatalogItemCodec.decode(e.getValue());
                    items.put(item.productId(), item);
                }
                cursor = answer.getCursorAsBytes();
            } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
            java.util.Optional<Changes> meanwhile = changesSince(from);
            if (meanwhile.isPresent()) {
                meanwhile.get().removed().forEach(items::remove);
                meanwhile.get().upserted().forEach(i -> items.put(i.productId(), i));
                return new Snapshot(meanwhile.get().version(), new ArrayList<>(items.values()));
            }
            if (attempt == 2) {
                throw new IllegalStateException("the catalog snapshot was republished three times while it was read");
            }
        }
    }

    @Override
    public java.util.Optional<Changes> changesSince(long since) {
        Response<String> version;
        Response<String> floor;
        Response<List<String>> ids;
        try (AbstractTransaction tx = redis.multi()) {
            version = tx.get(VERSION);
            floor = tx.get(FLOOR);
            ids = tx.zrangeByScore(CHANGES, "(" + since, "+inf");
            tx.exec();
        }
        long now = version.get() == null ? 0 : Long.parseLong(version.get());
        if (since < (floor.get() == null ? 0 : Long.parseLong(floor.get())) || since > now) {
            return java.util.Optional.empty();
        }
        List<CatalogItem> upserted = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = ids.get();
        for (int i = 0; i < changed.size(); i += BATCH) {
            List<String> batch = changed.subList(i, Math.min(changed.size(), i + BATCH));
            List<byte[]> values = redis.hmget(ITEMS_KEY, batch.stream().map(RedisCatalogSnapshotStore::bytes).toArray(byte[][]::new));
            for (int j = 0; j < batch.size(); j++) {
                // read after the log: an item may be newer than `now`, which the next catch-up applies again, harmlessly
                if (values.get(j) == null) {
                    removed.add(batch.get(j));
                } else {
                    upserted.add(CatalogItemCodec.decode(values.get(j)));
                }
            }
        }
        return java.util.Optional.of(new Changes(now, upserted, removed));
    }

    @Override
    public java.util.Optional<byte[]> image() {
        return java.util.Optional.ofNullable(redis.get(bytes(IMAGE)));
    }

    @Override
    public void saveImage(long version, byte[] image) {
        if (image.length <= MAX_IMAGE_BYTES) {
            redis.eval(bytes(SAVE_IMAGE), List.of(bytes(IMAGE), bytes(IMAGE_VERSION)),
                    List.of(bytes(Long.toString(version)), image));
        }
    }

    @Override
    public void upsert(CatalogItem item) {
        change(item.productId(), CatalogItemCodec.encode(item));
    }

    @Override
    public void remove(String productId) {
        change(productId, new byte[0]);
    }

    private void change(String productId, byte[] item) {
        redis.eval(bytes(CHANGE), List.of(bytes(VERSION), ITEMS_KEY, bytes(CHANGES), bytes(FLOOR)),
                List.of(bytes(productId), item, bytes(Integer.toString(logSize))));
    }

    @Override
    public void replaceAll(List<CatalogItem> items) {
        redis.unlink(BUILDING_KEY);
        for (int i = 0; i < items.size(); i += BATCH) {
            Map<byte[], byte[]> batch = new HashMap<>();
            for (CatalogItem item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                batch.put(bytes(item.productId()), CatalogItemCodec.encode(item));
            }
            redis.hset(BUILDING_KEY, batch);
        }
        // one script: the new items, the version, and a fresh log no container can catch up across
        redis.eval(REPLACE, List.of(BUILDING, ITEMS, VERSION, CHANGES, FLOOR), List.of(items.isEmpty() ? "empty" : "swap"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The tree or the brands changed: every container builds from everything again. */
    @Override
    public void bumpVersion() {
        redis.eval(RESTART_LOG, List.of(VERSION, CHANGES, FLOOR), List.of());
    }
}
