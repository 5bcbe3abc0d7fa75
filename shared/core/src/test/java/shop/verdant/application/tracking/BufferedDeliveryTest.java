package shop.verdant.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.verdant.application.tracking.port.RecordTransport;

/** The buffering in front of Firehose and the local bulk delivery, with a transport that records and fails on demand. */
class BufferedDeliveryTest {

    /** Records every batch it is sent; fails what {@code failing} says. */
    static final class Recording implements RecordTransport {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        volatile java.util.function.Function<List<String>, Result> answer = b -> Result.ALL_DELIVERED;
        volatile boolean down;

        @Override
        public Result send(List<byte[]> batch) throws Exception {
            if (down) {
                throw new java.io.IOException("connection refused");
            }
            List<String> records = batch.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
            batches.add(records);
            return answer.apply(records);
        }

        List<String> delivered() {
            List<String> all = new ArrayList<>();
            synchronized (batches) {
                batches.forEach(all::addAll);
            }
            return all;
        }
    }

    static byte[] rec(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void batchesStayWithinPutRecordBatchLimits() {
        Recording t = new Recording();
        var limits = BufferedDelivery.Limits.firehose(5_000, Duration.ofSeconds(30));
        try (BufferedDelivery d = new BufferedDelivery("t", t, limits)) {
            for (int i = 0; i < 1_234; i++) {
                assertThat(d.offer(rec("r" + i))).isTrue();
            }
            // 3 MiB records: at most one of them fits a 4 MiB batch
            byte[] big = new byte[3 * 1024 * 1024 / 4];
            java.util.Arrays.fill(big, (byte) 'x');
            for (int i = 0; i < 6; i++) {
                assertThat(d.offer(big)).isTrue();
            }
            // a record over 1,000 KiB is not sendable at all: dropped and counted
            assertThat(d.offer(new byte[1_000 * 1024 + 1])).isFalse();
            assertThat(d.flush(Duration.ofSeconds(10))).isTrue();
            var stats = d.stats();
            assertThat(stats.droppedTooLarge()).isEqualTo(1);
            assertThat(stats.delivered()).isEqualTo(1_240);
        }
        synchronized (t.batches) {
            for (List<String> batch : t.batches) {
                assertThat(batch.size()).isLessThanOrEqualTo(500);
                assertThat(batch.stream().mapToLong(String::length).sum()).isLessThanOrEqualTo(4L * 1024 * 1024);
            }
        }
        assertThat(t.delivered().subList(0, 1_234)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 1_234).mapToObj(i -> "r" + i).toList());
    }

    @Test
    void onlyTheFailedRecordsAreSentAgainAndOrderIsKept() {
        Recording t = new Recording();
        AtomicInteger calls = new AtomicInteger();
        // the first answer fails records 1 and 3 (as FailedPutCount 2 with their error codes), then all succeed
        t.answer = b -> calls.getAndIncrement() == 0 ? new RecordTransport.Result(List.of(1, 3), 0) : RecordTransport.Result.ALL_DELIVERED;
        try (BufferedDelivery d = new BufferedDelivery("t", t,
                new BufferedDelivery.Limits(500, 1 << 20, 1 << 16, 100, Duration.ofMillis(10), Duration.ofMillis(50)))) {
            for (int i = 0; i < 5; i++) {
                d.offer(rec("e" + i));
            }
            assertThat(d.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(d.stats().retries()).isEqualTo(2);
            assertThat(d.stats().delivered()).isEqualTo(5);
        }
        assertThat(t.batches.get(0)).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(t.batches.get(1)).startsWith("e1", "e3");
    }

    @Test
    void refusedForGoodIsCountedNotRetried() {
        Recording t = new Recording();
        t.answer = b -> new RecordTransport.Result(List.of(), 1);
        try (BufferedDelivery d = new BufferedDelivery("t", t,
                new BufferedDelivery.Limits(500, 1 << 20, 1 << 16, 100, Duration.ofMillis(10), Duration.ofMillis(50)))) {
            d.offer(rec("bad"));
            d.offer(rec("good"));
            assertThat(d.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(d.stats().rejected()).isEqualTo(1);
            assertThat(d.stats().delivered()).isEqualTo(1);
        }
        assertThat(t.batches).hasSize(1);
    }

    @Test
    void whileTheTransportIsDownRecordsWaitUpToTheBoundAndTheRestIsCounted() throws Exception {
        Recording t = new Recording();
        t.down = true;
        try (BufferedDelivery d = new BufferedDelivery("t", t,
                new BufferedDelivery.Limits(50, 1 << 20, 1 << 16, 200, Duration.ofMillis(20), Duration.ofMillis(100)))) {
            int accepted = 0;
            for (int i = 0; i < 300; i++) {
                if (d.offer(rec("k" + i))) {
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(200);
            assertThat(d.stats().droppedOverflow()).isEqualTo(100);
            assertThat(d.flush(Duration.ofMillis(300))).as("nothing can be delivered while down").isFalse();
            assertThat(d.stats().failedSends()).isPositive();
            t.down = false;
            assertThat(d.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(d.stats().delivered()).isEqualTo(200);
            assertThat(d.stats().buffered()).isZero();
        }
        // what was kept is delivered once each, in the order offered
        assertThat(t.delivered()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "k" + i).toList());
    }

    @Test
    void offerNeverWaitsForTheTransport() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordTransport stuck = batch -> {
            release.await(30, TimeUnit.SECONDS);
            return RecordTransport.Result.ALL_DELIVERED;
        };
        try (BufferedDelivery d = new BufferedDelivery("t", stuck,
                new BufferedDelivery.Limits(10, 1 << 20, 1 << 16, 1_000, Duration.ofMillis(1), Duration.ofMillis(10)))) {
            d.offer(rec("first"));
            Thread.sleep(50);   // the sender is now inside send(), stuck
            // a thousand offers complete while the transport hangs: nothing on the caller's side waits for it
            int accepted = 0;
            for (int i = 0; i < 1_000; i++) {
                accepted += d.offer(rec("x" + i)) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(999);   // the capacity counts the batch in flight
            assertThat(d.stats().droppedOverflow()).isEqualTo(1);
            release.countDown();
            assertThat(d.flush(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void theIntervalSendsAPartialBatch() throws InterruptedException {
        Recording t = new Recording();
        try (BufferedDelivery d = new BufferedDelivery("t", t,
                new BufferedDelivery.Limits(500, 1 << 20, 1 << 16, 100, Duration.ofMillis(100), Duration.ofMillis(50)))) {
            d.offer(rec("lonely"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (t.batches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(t.delivered()).containsExactly("lonely");
        }
    }
}
