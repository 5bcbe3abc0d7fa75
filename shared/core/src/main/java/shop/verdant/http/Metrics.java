package shop.verdant.http;

/**
 * Business metrics a handler records while it serves one request (orders placed, stock conflicts,
 * zero-result searches), sent when the request is done ({@link #flush()} in {@link ApiHandler}'s finally).
 * On Lambda the adapter writes CloudWatch embedded-metric-format lines; elsewhere nothing is sent.
 */
public interface Metrics {
    /** Adds {@code n} to a count (a sweep that expired n orders). */
    void count(String name, long n);

    default void count(String name) {
        count(name, 1);
    }

    void flush();

    Metrics NONE = new Metrics() {
        @Override
        public void count(String name, long n) {
        }

        @Override
        public void flush() {
        }
    };
}
