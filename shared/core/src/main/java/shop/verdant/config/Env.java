package shop.verdant.config;

/**
 * Configuration by name: a JVM system property wins over the environment variable of the same name.
 * Lambda sets environment variables; the local shop runs every handler in one JVM and sets properties.
 */
public final class Env {
    private Env() {
    }

    public static String get(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            value = System.getenv(name);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }

    public static String require(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalStateException("missing configuration: " + name);
        }
        return value;
    }
}
