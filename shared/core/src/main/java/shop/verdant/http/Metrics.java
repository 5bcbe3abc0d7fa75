package shop.verdant.http;

/**
 * Business metrics a handler records while it serves one request (orders placed, stock conflicts,
 * zero-result searches), sent when the request is done ({@link #flush()} in {@link ApiHandler}'s finally).
 * On Lambda the adapter writes CloudWatch embedded-metric-format lines; elsewhere nothing is sent.
 */
public interface Metrics {
    void count(String name);

    /** Adds {@code n} to a count (a sweep that expired n orders). */
    default void count(String name, long n) {
        for (long i = 0; i < n; i++) {
            count(name);
        }
    }

    void flush();

    Metrics NONE = new Metrics() {
        @Override
        public void count(String name) {
        }

        @Override
        public void flush() {
        }
    };
}
