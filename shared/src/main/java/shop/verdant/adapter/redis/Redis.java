package shop.verdant.adapter.redis;

import java.net.URI;
import redis.clients.jedis.JedisPooled;
import shop.verdant.config.Env;

/** The Redis connection pool: {@code REDIS_URL} is redis://host:port locally, rediss:// (TLS) on AWS. */
public final class Redis {
    private Redis() {
    }

    public static JedisPooled client() {
        return new JedisPooled(URI.create(Env.get("REDIS_URL", "redis://127.0.0.1:6379")));
    }
}
