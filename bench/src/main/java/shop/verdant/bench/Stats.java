package shop.verdant.bench;

import java.util.Arrays;

/** Latency percentiles from nanosecond samples. */
record Stats(int n, double p50Millis, double p99Millis, double meanMillis) {
    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Stats(sorted.length, pct(sorted, 0.50), pct(sorted, 0.99), mean);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.3f ms p99=%.3f ms mean=%.3f ms", n, p50Millis, p99Millis, meanMillis);
    }
}
