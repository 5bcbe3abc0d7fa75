package shop.verdant.http;

import java.util.List;
import shop.verdant.domain.common.FieldError;

/**
 * An RFC 9457 problem body. {@code instance} is the request id, so a caller's report can be matched to
 * the logs; {@code errors} lists field problems and is left out when there are none.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem("/problems/" + slug, title, status, detail, instance, null);
    }
}
