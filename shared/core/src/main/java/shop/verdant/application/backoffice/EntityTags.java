package shop.verdant.application.backoffice;

import shop.verdant.domain.common.PreconditionException;

/**
 * The entity tag of a product's listing ({@code "r<revision>"}) and the {@code If-Match} a change must carry: no
 * header is 428, a tag of another revision 412. {@code *} matches whatever exists (RFC 9110), so it skips the check.
 */
public final class EntityTags {
    private EntityTags() {
    }

    public static String of(long revision) {
        return "\"r" + revision + "\"";
    }

    /** The revision {@code ifMatch} names; -1 for {@code *}. */
    public static long expected(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required(
                    "Send If-Match with the ETag you read, so that a change made meanwhile is not overwritten.");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return current;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(current))) {
                return current;
            }
        }
        throw stale(current);
    }

    public static PreconditionException stale(long current) {
        return PreconditionException.failed("The product was changed since you read it (it is now at " + of(current)
                + "); reload it, then apply your change again.", of(current));
    }
}
