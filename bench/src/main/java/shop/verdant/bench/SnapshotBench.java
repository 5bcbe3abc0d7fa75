package shop.verdant.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.CatalogItemCodec;
import shop.verdant.http.Json;
import shop.verdant.local.RedisEngine;

/**
 * A fresh container's first search over a large catalog: the snapshot read from Redis, decoded, indexed, and
 * one query answered, in a fresh JVM per run with only the catalog jar. The same items are stored both as the
 * binary form the shop uses and as the per-item JSON it used before, in the same Redis, in the same run.
 */
final class SnapshotBench {
    private static final int RUNS = 3;

    static void run(Path repo, int[] sizes) throws Exception {
        System.out.println("== cold snapshot load: fresh JVM, HGETALL + decode + index build + first search");
        String password = "bench-" + System.nanoTime();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (RedisEngine engine = RedisEngine.start(port, null, password);
             JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", port),
                     DefaultJedisClientConfig.builder().password(password).build())) {
            for (int n : sizes) {
                SyntheticCatalog catalog = new SyntheticCatalog();
                List<CatalogItem> items = catalog.items(n, 42);
                redis.del("bench:json", "bench:bin", "bench:image");
                for (int i = 0; i < items.size(); i += 1000) {
                    Map<String, String> json = new HashMap<>();
                    Map<byte[], byte[]> bin = new HashMap<>();
                    for (CatalogItem item : items.subList(i, Math.min(items.size(), i + 1000))) {
                        json.put(item.productId(), Json.write(item));
                        bin.put(item.productId().getBytes(StandardCharsets.UTF_8), CatalogItemCodec.encode(item));
                    }
                    redis.hset("bench:json", json);
                    redis.hset("bench:bin".getBytes(StandardCharsets.UTF_8), bin);
                }
                redis.set("bench:image".getBytes(StandardCharsets.UTF_8), shop.verdant.domain.catalog.search.CatalogIndexImage
                        .write(shop.verdant.domain.catalog.search.CatalogIndex.build(1, items, catalog.categories, catalog.brands)));
                long jsonBytes = redis.memoryUsage("bench:json");
                long binBytes = redis.memoryUsage("bench:bin");
                double[] json = times(repo, port, password, "json");
                double[] bin = times(repo, port, password, "bin");
                double[] image = times(repo, port, password, "image");
                System.out.printf("  %,d products: from the index image median %.0f ms (%d runs): %.2fx the binary items; image %,d bytes%n",
                        n, median(image), RUNS, median(bin) / median(image), redis.memoryUsage("bench:image"));
                System.out.printf("  %,d products: JSON per item median %.0f ms, binary median %.0f ms (%d runs each): "
                                + "%.2fx; Redis memory %,d vs %,d bytes%n", n, median(json), median(bin), RUNS,
                        median(json) / median(bin), jsonBytes, binBytes);
            }
        }
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] times(Path repo, int port, String password, String form) throws Exception {
        // the catalog jar first, as on Lambda; the bench and local jars only for the synthetic catalog's categories
        String cp = repo.resolve("functions/catalog/target/catalog-lambda.jar") + File.pathSeparator
                + repo.resolve("bench/target/verdant-bench.jar") + File.pathSeparator
                + repo.resolve("local/target/verdant-local.jar");
        double[] out = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx2g", "-Xshare:auto",
                    "-cp", cp, SnapshotProbe.class.getName(), Integer.toString(port), password, form));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("snapshot probe failed: " + output);
            }
            String[] lines = output.split("\n");
            out[i] = Double.parseDouble(lines[lines.length - 1].trim());
        }
        return out;
    }
}
