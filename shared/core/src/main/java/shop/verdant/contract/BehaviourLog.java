package shop.verdant.contract;

/**
 * How behaviour events leave a function on AWS: as log lines (the event document, one JSON object a line) that a
 * CloudWatch Logs subscription filter picks out of the function's log group. CDK writes the filter; the code writes
 * lines it matches.
 */
public final class BehaviourLog {
    private BehaviourLog() {
    }

    /** Matches behaviour lines only: the functions' other lines (Powertools-shaped) have no schema nor eventId. */
    public static final String FILTER_PATTERN = "{ $.schema = 1 && $.eventId = * && $.visitorId = * }";
}
