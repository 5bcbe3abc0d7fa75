package shop.verdant.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import shop.verdant.contract.AccessLogFormat;
import shop.verdant.http.Json;

/**
 * One JSON line per API request, with the fields of {@link AccessLogFormat} in its order. The client's address
 * is truncated (IPv4 to /24, IPv6 to /48) before it is written: the log is analytics, not a record of people.
 */
final class AccessLog {
    static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    record Entry(String requestId, Instant at, String method, String resourcePath, String path, int status,
                 String protocol, int responseLength, long latencyMillis, String clientIp, String userAgent,
                 String userSub) {
    }

    private final Path file;
    /** Where each line also goes: the local OpenSearch's access-logs-* (as the stage's Firehose stream on AWS). */
    private volatile shop.verdant.application.tracking.BufferedDelivery delivery;

    AccessLog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
    }

    void deliverTo(shop.verdant.application.tracking.BufferedDelivery to) {
        this.delivery = to;
    }

    void write(Entry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", e.requestId());
        line.put("requestTime", CLF.format(e.at()));
        line.put("requestTimeEpoch", e.at().toEpochMilli());
        line.put("httpMethod", e.method());
        line.put("resourcePath", e.resourcePath() == null ? "-" : e.resourcePath());
        line.put("path", e.path());
        line.put("status", e.status());
        line.put("protocol", e.protocol());
        line.put("responseLength", e.responseLength());
        line.put("responseLatency", e.latencyMillis());
        line.put("ip", truncate(e.clientIp()));
        line.put("userAgent", e.userAgent() == null ? "-" : e.userAgent());
        line.put("userSub", e.userSub() == null ? "-" : e.userSub());
        String json = Json.write(line);
        var to = delivery;
        if (to != null) {
            to.offer(json.getBytes(StandardCharsets.UTF_8));
        }
        try {
            synchronized (this) {
                Files.writeString(file, json + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException ex) {
            // The response has been sent; a lost log line must not turn into a second answer.
            System.err.println("access log not written: " + ex);
        }
    }

    /** The address as the audit log keeps it too (IPv4 to /24, IPv6 to /48); {@code -} when there is none. */
    static String truncate(String ip) {
        String t = shop.verdant.domain.audit.Actor.truncate(ip);
        return t == null ? "-" : t;
    }
}
