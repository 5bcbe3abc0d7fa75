package shop.verdant.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API access-log line: JSON field name → API Gateway {@code $context} variable. CDK renders it
 * as the stage's access-log format; the local gateway writes lines with the same fields.
 */
public final class AccessLogFormat {
    private AccessLogFormat() {
    }

    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("requestId", "$context.requestId");
        f.put("requestTime", "$context.requestTime");
        f.put("requestTimeEpoch", "$context.requestTimeEpoch");
        f.put("httpMethod", "$context.httpMethod");
        f.put("resourcePath", "$context.resourcePath");
        f.put("path", "$context.path");
        f.put("status", "$context.status");
        f.put("protocol", "$context.protocol");
        f.put("responseLength", "$context.responseLength");
        f.put("responseLatency", "$context.responseLatency");
        f.put("ip", "$context.identity.sourceIp");
        f.put("userAgent", "$context.identity.userAgent");
        f.put("userSub", "$context.authorizer.claims.sub");
        FIELDS = Map.copyOf(f);
        ORDER = java.util.List.copyOf(f.keySet());
    }

    /** Field names in log order. */
    public static final java.util.List<String> ORDER;

    /** The format string API Gateway takes: a JSON object of quoted variables. */
    public static String apiGatewayFormat() {
        StringBuilder sb = new StringBuilder("{");
        for (String field : ORDER) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(field).append("\":\"").append(FIELDS.get(field)).append('"');
        }
        return sb.append('}').toString();
    }
}
