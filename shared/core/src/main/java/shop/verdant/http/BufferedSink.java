package shop.verdant.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import shop.verdant.application.tracking.BufferedDelivery;
import shop.verdant.application.tracking.port.BehaviourSink;
import shop.verdant.domain.tracking.BehaviourEvent;

/**
 * Events serialized as their JSON line and offered to a {@link BufferedDelivery} (Firehose's PutRecordBatch, the local
 * bulk delivery); what it cannot take it counts. A class of its own, so that a jar whose functions only write log
 * lines carries no buffering.
 */
public final class BufferedSink implements BehaviourSink {
    private final BufferedDelivery delivery;

    public BufferedSink(BufferedDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void emit(BehaviourEvent event) {
        delivery.offer(BehaviourSinks.line(event).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean flush(Duration timeout) {
        return delivery.flush(timeout);
    }

    public BufferedDelivery delivery() {
        return delivery;
    }
}
