package shop.verdant.http;

import shop.verdant.application.tracking.Tracker;
import shop.verdant.application.tracking.port.BehaviourSink;
import shop.verdant.config.Env;

/**
 * The behaviour sinks handlers emit through, chosen by {@code BEHAVIOUR_SINK}:
 * <ul>
 *   <li>{@code log} (AWS): one JSON line per event on standard output, the event's document; a CloudWatch
 *       Logs subscription filter ({@link shop.verdant.contract.BehaviourLog#FILTER_PATTERN}) ships the function's lines to the behaviour Firehose
 *       stream, which takes the message out of the CloudWatch envelope and delivers it to OpenSearch. Writing a line
 *       is the whole cost on the request path, and a line written before the response is in CloudWatch even if the
 *       container is frozen or shut down right after;</li>
 *   <li>{@code none} (default): tracking off.</li>
 * </ul>
 * The local shop, which plays Lambda's log shipping, installs its own sink ({@link #install}): Firehose-like
 * buffering into the local OpenSearch.
 */
public final class BehaviourSinks {
    private BehaviourSinks() {
    }

    private static volatile BehaviourSink installed;

    /** The local shop's delivery, for every handler created after this call in this JVM. */
    public static void install(BehaviourSink sink) {
        installed = sink;
    }

    /** The sink the local shop installed, if it did. */
    public static java.util.Optional<BehaviourSink> installed() {
        return java.util.Optional.ofNullable(installed);
    }

    /**
     * The tracker a handler's wiring creates once per container; every event it drops (schema, sink) is counted as the
     * {@code BehaviourEventsDropped} metric of the request that caused it.
     */
    public static Tracker tracker(Metrics metrics) {
        java.util.function.Consumer<String> onDrop = reason -> metrics.count("BehaviourEventsDropped");
        BehaviourSink local = installed;
        if (local != null) {
            return new Tracker(local, onDrop);
        }
        return switch (Env.get("BEHAVIOUR_SINK", "none")) {
            case "log" -> new Tracker(new LogLines(), onDrop);
            case "none" -> Tracker.NONE;
            default -> throw new IllegalStateException("BEHAVIOUR_SINK is log or none, not " + Env.get("BEHAVIOUR_SINK", ""));
        };
    }

    /** The document as one JSON line: what the subscription filter matches and Firehose delivers as it is. */
    public static String line(shop.verdant.domain.tracking.BehaviourEvent event) {
        return Json.write(event.document());
    }

    /** One line per event on standard output (Lambda ships it to CloudWatch Logs). */
    public static final class LogLines implements BehaviourSink {
        @Override
        public void emit(shop.verdant.domain.tracking.BehaviourEvent event) {
            System.out.println(line(event));
        }
    }
}
