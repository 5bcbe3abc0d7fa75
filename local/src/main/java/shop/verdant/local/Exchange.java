package shop.verdant.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the local gateway's parts see it (the server library stays in {@link Gateway}) and the
 * answer they give. Header names are kept lower-case, as HTTP/2 and API Gateway's proxy events use them.
 */
final class Exchange {
    private Exchange() {
    }

    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                   String clientIp, String protocol) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }
    }

    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response of(int status, String contentType, byte[] body, Map<String, String> headers) {
            return new Response(status, contentType, body, new LinkedHashMap<>(headers));
        }

        static Response text(int status, String text) {
            return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Response json(int status, String json, Map<String, String> headers) {
            return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
        }
    }
}
