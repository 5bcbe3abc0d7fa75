package shop.verdant.config;

/**
 * Secrets by name ({@code CURSOR_KEYS}, {@code CART_TOKEN_KEYS}, {@code REDIS_AUTH}). The local shop
 * generates them and hands them over as settings; on AWS the adapter reads them from Secrets Manager, so no
 * secret is in code, in a template or in an environment variable.
 */
public interface SecretSource {
    String get(String name);

    /** Secrets given as settings ({@link Env}): the local shop and tests. */
    static SecretSource settings() {
        return Env::require;
    }
}
