package shop.verdant.domain.common;

/** Well-formed but not acceptable (422): e.g. an Idempotency-Key reused with a different request. */
public class UnprocessableException extends RuntimeException {
    private final String slug;
    private final String title;

    public UnprocessableException(String slug, String title, String message) {
        super(message);
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
