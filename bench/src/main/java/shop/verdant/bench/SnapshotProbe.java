package shop.verdant.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.CatalogItemCodec;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.http.Json;

/**
 * In a fresh JVM with the catalog jar: reads the snapshot ({@code json} or {@code bin}), builds the index,
 * answers one search; prints the milliseconds from the start of main.
 */
public final class SnapshotProbe {
    private SnapshotProbe() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", Integer.parseInt(args[0])),
                DefaultJedisClientConfig.builder().password(args[1]).build())) {
            if (args[2].equals("image")) {
                SyntheticCatalog catalog = new SyntheticCatalog();
                byte[] image = redis.get("bench:image".getBytes(StandardCharsets.UTF_8));
                CatalogIndex index = shop.verdant.domain.catalog.search.CatalogIndexImage.read(image,
                        shop.verdant.domain.catalog.CategoryTree.of(catalog.categories), catalog.brands);
                if (index.search(new ProductQuery("bamboo", null, null, null, null, null, Map.of(), null, 24, 0)).total() == 0) {
                    throw new IllegalStateException("no result");
                }
                System.out.println((System.nanoTime() - t0) / 1e6);
                return;
            }
            List<CatalogItem> items = new ArrayList<>();
            if (args[2].equals("json")) {
                for (String v : redis.hgetAll("bench:json").values()) {
                    items.add(Json.read(v, CatalogItem.class));
                }
            } else {
                for (byte[] v : redis.hgetAll("bench:bin".getBytes(StandardCharsets.UTF_8)).values()) {
                    items.add(CatalogItemCodec.decode(v));
                }
            }
            SyntheticCatalog catalog = new SyntheticCatalog();
            CatalogIndex index = CatalogIndex.build(1, items, catalog.categories, catalog.brands);
            var result = index.search(new ProductQuery("bamboo", null, null, null, null, null, Map.of(), null, 24, 0));
            if (result.total() == 0) {
                throw new IllegalStateException("no result");
            }
        }
        System.out.println((System.nanoTime() - t0) / 1e6);
    }
}
