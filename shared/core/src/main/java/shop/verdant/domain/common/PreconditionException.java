package shop.verdant.domain.common;

/**
 * A write made against a version the caller no longer has: {@code required} (428) when the caller sent no
 * {@code If-Match} at all, otherwise failed (412) because the object changed since it was read. Nothing was written.
 */
public class PreconditionException extends RuntimeException {
    private final boolean required;
    private final String currentTag;

    private PreconditionException(boolean required, String message, String currentTag) {
        super(message);
        this.required = required;
        this.currentTag = currentTag;
    }

    public static PreconditionException required(String message) {
        return new PreconditionException(true, message, null);
    }

    public static PreconditionException failed(String message, String currentTag) {
        return new PreconditionException(false, message, currentTag);
    }

    /** 428 when true, 412 when false. */
    public boolean isRequired() {
        return required;
    }

    /** The entity tag the object has now, when known (so a client can reload). */
    public String currentTag() {
        return currentTag;
    }
}
