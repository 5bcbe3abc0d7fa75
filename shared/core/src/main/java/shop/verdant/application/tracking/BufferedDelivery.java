package shop.verdant.application.tracking;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import shop.verdant.application.tracking.port.RecordTransport;

/**
 * Firehose-like buffering in front of a {@link RecordTransport}: records wait in a bounded buffer and go out as one
 * batch when the buffer holds {@code maxRecords} records or {@code maxBatchBytes}, or {@code interval} after the
 * oldest arrived. A failed batch, or the failed records of a batch, go back to the head of the buffer and are
 * sent again with exponential backoff (with jitter, up to {@code maxBackoff}); nothing else is sent meanwhile, so
 * order is kept. {@link #offer} never blocks and never throws: when the buffer (including the batch in flight) holds
 * {@code capacity} records, or a record is larger than {@code maxRecordBytes}, the record is dropped and counted.
 */
public final class BufferedDelivery implements AutoCloseable {

    /** PutRecordBatch's limits are 500 records, 4 MiB and 1,000 KiB a record. */
    public record Limits(int maxRecords, long maxBatchBytes, int maxRecordBytes, int capacity, Duration interval,
                         Duration maxBackoff) {
        public static Limits firehose(int capacity, Duration interval) {
            return new Limits(500, 4L * 1024 * 1024, 1_000 * 1024, capacity, interval, Duration.ofSeconds(20));
        }
    }

    /** What happened to the records offered so far. */
    public record Stats(long accepted, long delivered, long droppedOverflow, long droppedTooLarge, long rejected,
                        long retries, long failedSends, int buffered) {
    }

    private final RecordTransport transport;
    private final Limits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final ArrayDeque<byte[]> buffer = new ArrayDeque<>();
    private long bufferedBytes;
    private int inFlight;
    private long oldestAt;
    private boolean flushWanted;
    private volatile boolean closed;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong droppedOverflow = new AtomicLong();
    private final AtomicLong droppedTooLarge = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final Thread sender;

    public BufferedDelivery(String name, RecordTransport transport, Limits limits) {
        this.transport = transport;
        this.limits = limits;
        this.sender = new Thread(this::run, name);
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues one record; false when it was dropped (buffer full, record too large, closed). */
    public boolean offer(byte[] record) {
        if (record.length > limits.maxRecordBytes()) {
            droppedTooLarge.incrementAndGet();
            return false;
        }
        lock.lock();
        try {
            if (closed || buffer.size() + inFlight >= limits.capacity()) {
                droppedOverflow.incrementAndGet();
                return false;
            }
            if (buffer.isEmpty()) {
                oldestAt = System.nanoTime();
            }
            buffer.addLast(record);
            bufferedBytes += record.length;
            accepted.incrementAndGet();
            if (buffer.size() == 1 || buffer.size() >= limits.maxRecords() || bufferedBytes >= limits.maxBatchBytes()) {
                work.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is buffered now without waiting for the interval, and waits up to {@code timeout} until nothing is
     * buffered or in flight; true when everything offered before was delivered (or refused for good).
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            flushWanted = true;
            work.signal();
            while (!buffer.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(accepted.get(), delivered.get(), droppedOverflow.get(), droppedTooLarge.get(), rejected.get(),
                    retries.get(), failedSends.get(), buffer.size() + inFlight);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long backoffMillis = 0;
        while (!closed) {
            List<byte[]> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                continue;
            }
            List<byte[]> again;
            try {
                RecordTransport.Result result = transport.send(batch);
                again = new ArrayList<>(result.retry().size());
                for (int i : result.retry()) {
                    again.add(batch.get(i));
                }
                rejected.addAndGet(result.rejected());
                delivered.addAndGet(batch.size() - again.size() - result.rejected());
            } catch (Exception e) {
                failedSends.incrementAndGet();
                again = batch;
            }
            lock.lock();
            try {
                inFlight = 0;
                for (int i = again.size() - 1; i >= 0; i--) {
                    buffer.addFirst(again.get(i));
                    bufferedBytes += again.get(i).length;
                }
                if (!again.isEmpty()) {
                    retries.addAndGet(again.size());
                    oldestAt = System.nanoTime();
                }
                if (buffer.isEmpty()) {
                    flushWanted = false;
                    drained.signalAll();
                }
            } finally {
                lock.unlock();
            }
            if (again.isEmpty()) {
                backoffMillis = 0;
            } else {
                long cap = limits.maxBackoff().toMillis();
                backoffMillis = Math.min(cap, backoffMillis == 0 ? 100 : backoffMillis * 2);
                try {
                    Thread.sleep(backoffMillis / 2 + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Waits until a batch is due and takes it off the buffer (it is then in flight); null on close. */
    private List<byte[]> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                if (!buffer.isEmpty()) {
                    long dueIn = oldestAt + limits.interval().toNanos() - System.nanoTime();
                    if (flushWanted || dueIn <= 0 || buffer.size() >= limits.maxRecords()
                            || bufferedBytes >= limits.maxBatchBytes()) {
                        List<byte[]> batch = new ArrayList<>(Math.min(buffer.size(), limits.maxRecords()));
                        long bytes = 0;
                        while (!buffer.isEmpty() && batch.size() < limits.maxRecords()
                                && (batch.isEmpty() || bytes + buffer.peekFirst().length <= limits.maxBatchBytes())) {
                            byte[] r = buffer.pollFirst();
                            bytes += r.length;
                            batch.add(r);
                        }
                        bufferedBytes -= bytes;
                        inFlight = batch.size();
                        oldestAt = System.nanoTime();
                        return batch;
                    }
                    work.awaitNanos(dueIn);
                } else {
                    work.await();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Tries to deliver what is buffered for up to {@code grace}, then stops; what is left is counted as dropped. */
    public void close(Duration grace) {
        flush(grace);
        lock.lock();
        try {
            closed = true;
            droppedOverflow.addAndGet(buffer.size());
            buffer.clear();
            work.signalAll();
        } finally {
            lock.unlock();
        }
        sender.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
