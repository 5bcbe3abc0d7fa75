package shop.verdant.adapter.redis;

import java.net.URI;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.config.Env;

/**
 * The Redis connection pool: {@code REDIS_URL} is redis://host:port locally, rediss:// (TLS) on AWS; the
 * password (ElastiCache's auth token, the local redis-server's requirepass) is a secret, never in the URL.
 */
public final class Redis {
    private Redis() {
    }

    /** A small pool (Lambda serves one request at a time), no JMX registration, short timeouts. */
    public static JedisPooled client(String password) {
        URI uri = URI.create(Env.get("REDIS_URL", "redis://127.0.0.1:6379"));
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setJmxEnabled(false);
        pool.setMaxTotal(8);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        return new JedisPooled(pool, new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()),
                DefaultJedisClientConfig.builder()
                        .ssl("rediss".equals(uri.getScheme()))
                        .password(password)
                        .connectionTimeoutMillis(2000)
                        .socketTimeoutMillis(2000)
                        .build());
    }
}
