package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds proxy responses: JSON bodies, problem bodies, and the headers every response carries. No CORS
 * headers: the storefront calls the API on its own origin (CloudFront routes /api/*), so no other origin
 * is ever allowed to read an answer.
 */
public final class ApiResponse {
    private ApiResponse() {
    }

    public static APIGatewayProxyResponseEvent json(int status, Object body) {
        return build(status, "application/json", Json.write(body), null);
    }

    /** A response anyone may cache briefly: catalog reads carry no personal data. */
    public static APIGatewayProxyResponseEvent publicJson(Object body, int maxAgeSeconds) {
        return build(200, "application/json", Json.write(body), "public, max-age=" + maxAgeSeconds);
    }

    /** A personal answer (a cart, an order): never stored by a shared cache. */
    public static APIGatewayProxyResponseEvent privateJson(int status, Object body) {
        return build(status, "application/json", Json.write(body), "private, no-store");
    }

    /** A private text answer (a CSV to download, with its file name). */
    public static APIGatewayProxyResponseEvent download(String contentType, String body, String fileName) {
        APIGatewayProxyResponseEvent response = build(200, contentType, body, "private, no-store");
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response;
    }

    public static APIGatewayProxyResponseEvent problem(Problem problem) {
        return build(problem.status(), Problem.CONTENT_TYPE, Json.write(problem), "no-store");
    }

    private static APIGatewayProxyResponseEvent build(int status, String contentType, String body, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        if (cacheControl != null) {
            headers.put("Cache-Control", cacheControl);
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
    }
}
