package shop.verdant.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import shop.verdant.http.Json;
import shop.verdant.http.Problem;

/** Problem JSON (RFC 9457) answers of the local gateway itself, as API Gateway gives them when no handler ran. */
final class Problems {
    private Problems() {
    }

    static Exchange.Response of(int status, String slug, String title, String detail, String requestId,
                                Map<String, String> headers) {
        byte[] body = Json.write(Problem.of(slug, title, status, detail, requestId)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.putIfAbsent("Cache-Control", "no-store");
        return Exchange.Response.of(status, Problem.CONTENT_TYPE, body, h);
    }

    static Exchange.Response of(int status, String slug, String title, String detail, String requestId) {
        return of(status, slug, title, detail, requestId, Map.of());
    }
}
