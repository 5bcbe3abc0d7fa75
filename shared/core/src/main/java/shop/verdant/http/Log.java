package shop.verdant.http;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import shop.verdant.config.Env;

/**
 * Structured log lines, one JSON object per line on standard output (Lambda ships it to CloudWatch Logs),
 * with Powertools' field names: {@code timestamp}, {@code level}, {@code service}, {@code message},
 * {@code cold_start}, {@code function_name}, {@code function_request_id}, and an {@code error} object whose
 * {@code stack} holds the whole stack trace, so one failure is one line that can be searched by request id.
 */
public final class Log {
    private static final String SERVICE = Env.get("POWERTOOLS_SERVICE_NAME", "verdant");
    private static final AtomicBoolean FIRST_INVOCATION = new AtomicBoolean(true);
    private static final ThreadLocal<Map<String, Object>> INVOCATION = new ThreadLocal<>();

    private Log() {
    }

    /** Marks the start of an invocation: its request id and function appear on every line until {@link #done()}. */
    public static void invocation(String requestId, String functionName) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cold_start", FIRST_INVOCATION.getAndSet(false));
        context.put("function_name", functionName);
        context.put("function_request_id", requestId);
        INVOCATION.set(context);
    }

    public static void done() {
        INVOCATION.remove();
    }

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public static void warn(String message, Throwable cause) {
        write("WARN", message, Map.of(), cause);
    }

    public static void error(String message, Throwable cause) {
        write("ERROR", message, Map.of(), cause);
    }

    static String line(String level, String message, Map<String, ?> fields, Throwable cause) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("service", SERVICE);
        line.put("message", message);
        Map<String, Object> context = INVOCATION.get();
        if (context != null) {
            line.putAll(context);
        }
        line.putAll(fields);
        if (cause != null) {
            StringWriter stack = new StringWriter();
            cause.printStackTrace(new PrintWriter(stack));
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("name", cause.getClass().getName());
            error.put("message", String.valueOf(cause.getMessage()));
            error.put("stack", stack.toString());
            line.put("error", error);
        }
        try {
            return Json.write(line);
        } catch (RuntimeException e) {
            return "{\"level\":\"" + level + "\",\"message\":\"log line not writable: " + e.getClass().getSimpleName() + "\"}";
        }
    }

    private static void write(String level, String message, Map<String, ?> fields, Throwable cause) {
        System.out.println(line(level, message, fields, cause));
    }
}
