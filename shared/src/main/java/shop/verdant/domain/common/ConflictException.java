package shop.verdant.domain.common;

/** A write lost a race or broke a uniqueness rule; retrying with fresh data may succeed. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
