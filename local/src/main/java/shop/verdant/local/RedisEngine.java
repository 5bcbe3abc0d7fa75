package shop.verdant.local;

import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A redis-server process (the binary embedded-redis ships). Without a data directory it keeps
 * nothing on disk; with one it snapshots there. The catalog snapshot is rebuilt from DynamoDB at
 * every start anyway, so Redis only ever holds derived data.
 */
public final class RedisEngine implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private RedisEngine(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** {@code password}: clients must AUTH with it, as ElastiCache requires its auth token. */
    public static RedisEngine start(int port, Path dataDir, String password) throws Exception {
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("requirepass " + password)
                .setting("appendonly no")
                .setting("maxmemory 1gb")   // a 1M-product snapshot and its log take ~340 MB
                .setting("maxmemory-policy allkeys-lru");
        if (dataDir == null) {
            builder.setting("save \"\"");
        } else {
            Files.createDirectories(dataDir);
            builder.setting("dir " + dataDir.toAbsolutePath()).setting("save 60 1");
        }
        RedisServer server = builder.build();
        server.start();
        return new RedisEngine(server, port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
