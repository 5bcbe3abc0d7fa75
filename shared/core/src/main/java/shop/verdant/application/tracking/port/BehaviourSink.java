package shop.verdant.application.tracking.port;

import shop.verdant.domain.tracking.BehaviourEvent;

/**
 * Where behaviour events go. {@link #emit} is on the request path: it must return at once and never throw for
 * a delivery problem (a full buffer, OpenSearch or Firehose down); what it cannot keep it counts.
 */
public interface BehaviourSink {
    void emit(BehaviourEvent event);

    /**
     * Waits up to {@code timeout} until everything emitted so far is delivered; true when it is. For callers that
     * must not acknowledge their input before (the Orders stream consumer); a sink without a buffer has nothing to wait for.
     */
    default boolean flush(java.time.Duration timeout) {
        return true;
    }

    /** Events go nowhere (tracking off). */
    BehaviourSink NONE = event -> { };
}
