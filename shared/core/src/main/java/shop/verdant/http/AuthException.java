package shop.verdant.http;

/** The caller is not signed in (401) or not allowed (403). Raised before any service runs. */
public final class AuthException extends RuntimeException {
    private final int status;

    private AuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static AuthException unauthorized(String message) {
        return new AuthException(401, message);
    }

    public static AuthException forbidden(String message) {
        return new AuthException(403, message);
    }

    public int status() {
        return status;
    }
}
