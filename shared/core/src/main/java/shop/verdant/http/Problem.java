package shop.verdant.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.common.FieldError;

/**
 * An RFC 9457 problem body. {@code instance} is the request id, so a caller's report can be matched to
 * the logs; {@code errors} lists field problems and is left out when there are none; {@code extensions}
 * are further members (e.g. the SKUs that ran out), written at the top level as RFC 9457 allows.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      @JsonIgnore Map<String, Object> extensions) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem("/problems/" + slug, title, status, detail, instance, null, null);
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }
}
