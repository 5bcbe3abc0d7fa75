package shop.verdant.domain.common;

import java.util.Map;

/**
 * The request cannot be applied to the current state (a race was lost, stock ran out, a uniqueness rule);
 * {@code slug} and {@code title} name the kind, {@code details} carry what a client needs to fix it.
 */
public class ConflictException extends RuntimeException {
    private final String slug;
    private final String title;
    private final Map<String, Object> details;

    public ConflictException(String message) {
        this("conflict", "Conflict", message, Map.of());
    }

    public ConflictException(String slug, String title, String message, Map<String, Object> details) {
        super(message);
        this.slug = slug;
        this.title = title;
        this.details = Map.copyOf(details);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }
}
