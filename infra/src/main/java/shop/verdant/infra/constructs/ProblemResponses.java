package shop.verdant.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.IRestApi;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.GatewayResponse;
import software.constructs.Construct;

/**
 * What API Gateway answers itself (no handler ran), as RFC 9457 problem JSON with its real status and the
 * request id as instance: a bad token 401, an unknown path 404 (API Gateway calls it "missing
 * authentication token"), throttling 429, and so on. The catch-alls carry API Gateway's own message.
 */
public final class ProblemResponses extends Construct {

    /** One gateway answer: the response type, its status, the problem's slug, title and detail. */
    public record Kind(String id, ResponseType type, int status, String slug, String title, String detail) {
    }

    public static final List<Kind> KINDS = List.of(
            new Kind("Unauthorized", ResponseType.UNAUTHORIZED, 401, "unauthorized", "Unauthorized",
                    "Sign in: this needs a valid bearer token from the shop's user pool."),
            new Kind("ExpiredToken", ResponseType.EXPIRED_TOKEN, 401, "unauthorized", "Unauthorized",
                    "The sign-in has expired: sign in again."),
            new Kind("AccessDenied", ResponseType.ACCESS_DENIED, 403, "forbidden", "Forbidden",
                    "This is not allowed with the token sent."),
            new Kind("WafFiltered", ResponseType.WAF_FILTERED, 403, "forbidden", "Forbidden",
                    "The request was refused by the shop's firewall."),
            new Kind("NoSuchRoute", ResponseType.MISSING_AUTHENTICATION_TOKEN, 404, "not-found", "Not found",
                    "No API route matches this method and path."),
            new Kind("NotFound", ResponseType.RESOURCE_NOT_FOUND, 404, "not-found", "Not found",
                    "No API route matches this method and path."),
            new Kind("TooLarge", ResponseType.REQUEST_TOO_LARGE, 413, "too-large", "Request too large",
                    "The request body is larger than the API accepts."),
            new Kind("MediaType", ResponseType.UNSUPPORTED_MEDIA_TYPE, 415, "unsupported-media-type",
                    "Unsupported media type", "Send the body as application/json."),
            new Kind("Throttled", ResponseType.THROTTLED, 429, "too-many-requests", "Too many requests",
                    "Slow down and retry shortly."),
            new Kind("Quota", ResponseType.QUOTA_EXCEEDED, 429, "too-many-requests", "Too many requests",
                    "Slow down and retry shortly."),
            new Kind("BadBody", ResponseType.BAD_REQUEST_BODY, 400, "invalid-request", "Invalid request",
                    "The request body is not valid."),
            new Kind("BadParameters", ResponseType.BAD_REQUEST_PARAMETERS, 400, "invalid-request", "Invalid request",
                    "The request parameters are not valid."),
            new Kind("Timeout", ResponseType.INTEGRATION_TIMEOUT, 504, "timeout", "Gateway timeout",
                    "The request took too long. Quote the instance id when reporting it."),
            new Kind("IntegrationFailure", ResponseType.INTEGRATION_FAILURE, 502, "bad-gateway", "Bad gateway",
                    "The request could not be completed. Quote the instance id when reporting it."));

    /** The catch-alls: the status is whatever API Gateway chose, so the body leaves it to the HTTP status line. */
    public static final List<Kind> DEFAULTS = List.of(
            new Kind("Default4xx", ResponseType.DEFAULT_4_XX, 0, "client-error", "Request refused", null),
            new Kind("Default5xx", ResponseType.DEFAULT_5_XX, 0, "internal", "Internal error", null));

    public ProblemResponses(Construct scope, String id, IRestApi api) {
        super(scope, id);
        for (Kind k : KINDS) {
            respond(api, k, k.status() + "", body(k.slug(), k.title(), k.status(), k.detail()));
        }
        for (Kind k : DEFAULTS) {
            respond(api, k, null, body(k.slug(), k.title(), 0, null));
        }
    }

    private void respond(IRestApi api, Kind k, String status, String template) {
        GatewayResponse.Builder.create(this, k.id())
                .restApi(api)
                .type(k.type())
                .statusCode(status)
                .responseHeaders(Map.of("Content-Type", "'application/problem+json'", "Cache-Control", "'no-store'"))
                .templates(Map.of("application/json", template))
                .build();
    }

    /**
     * The problem body API Gateway renders: the request id as instance; without a fixed status (the
     * catch-alls) the status is left out and the detail is API Gateway's own message, JSON-escaped.
     */
    public static String body(String slug, String title, int status, String detail) {
        return "{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\""
                + (status > 0 ? ",\"status\":" + status : "")
                + ",\"detail\":" + (detail == null ? "$context.error.messageString" : "\"" + detail + "\"")
                + ",\"instance\":\"$context.requestId\"}";
    }
}
