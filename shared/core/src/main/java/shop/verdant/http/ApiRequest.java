package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Read access to an API Gateway REST proxy (payload v1) request. */
public final class ApiRequest {
    private final APIGatewayProxyRequestEvent event;
    private final Map<String, String> headers = new HashMap<>();

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
    }

    public String pathParameter(String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    /** Every query parameter with all its values; single-valued events are read too. */
    public Map<String, List<String>> queryParameters() {
        if (event.getMultiValueQueryStringParameters() != null) {
            return event.getMultiValueQueryStringParameters();
        }
        Map<String, List<String>> out = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((k, v) -> out.put(k, List.of(v)));
        }
        return out;
    }

    /** A query parameter's first value, or null. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A whole-number query parameter; null when absent, a 400 naming it when not a whole number. */
    public Integer intParameter(String name) {
        String v = queryParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw shop.verdant.domain.common.ValidationException.of(name, "A whole number.");
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String requestId() {
        var ctx = event.getRequestContext();
        return ctx == null ? null : ctx.getRequestId();
    }

    /** The caller's address as API Gateway saw it ({@code requestContext.identity.sourceIp}); null when not given. */
    public String sourceIp() {
        var ctx = event.getRequestContext();
        return ctx == null || ctx.getIdentity() == null ? null : ctx.getIdentity().getSourceIp();
    }

    public String body() {
        return event.getBody();
    }

    /** Whether API Gateway base64-encoded the body (binary media types). */
    public boolean isBase64Encoded() {
        return Boolean.TRUE.equals(event.getIsBase64Encoded());
    }

    /** {@code requestContext.authorizer.claims}, as API Gateway's Cognito authorizer (or the local gateway) set them. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> authorizerClaims() {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null) {
            return null;
        }
        Object claims = ctx.getAuthorizer().get("claims");
        return claims instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The Authorization header's token, with or without a {@code Bearer} prefix; null when absent. */
    public String bearerToken() {
        return bearer(header("Authorization"));
    }

    /** The token of an Authorization header value, with or without a {@code Bearer} prefix; null when blank. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String h = authorization.trim();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h;
    }

    private Principal principal;

    /** The signed-in caller, or null for an anonymous one. Set by {@link ApiHandler} before the handler runs. */
    public Principal principal() {
        return principal;
    }

    /** The signed-in caller; 401 when there is none. */
    public Principal requirePrincipal() {
        if (principal == null) {
            throw AuthException.unauthorized("Sign in to use this.");
        }
        return principal;
    }

    /**
     * Who is behind this request for behaviour tracking: the site's anonymous {@code X-Visitor-Id} and
     * {@code X-Session-Id}, and the signed-in user's sub (known on routes with a token).
     */
    public shop.verdant.domain.tracking.Visit visit() {
        return new shop.verdant.domain.tracking.Visit(header("X-Visitor-Id"), header("X-Session-Id"),
                principal == null ? null : principal.sub());
    }

    void principal(Principal p) {
        this.principal = p;
    }
}
