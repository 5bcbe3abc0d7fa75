package shop.verdant.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.Json;

/** CloudFront's other behaviours: the storefront's files, its {@code /config.json}, and {@code /images/*} from the bucket. */
final class StaticSite {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "webmanifest", "application/manifest+json");

    private final Path siteDir;
    private final String imagesBaseUrl;
    private final Supplier<Map<String, Object>> config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StaticSite(Path siteDir, String imagesBaseUrl, Supplier<Map<String, Object>> config) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.imagesBaseUrl = imagesBaseUrl;
        this.config = config;
    }

    Exchange.Response config() {
        return Exchange.Response.json(200, Json.write(config.get()), Map.of("Cache-Control", "no-store"));
    }

    Exchange.Response image(Exchange.Request request) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Exchange.Response.text(405, "Method not allowed");
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(imagesBaseUrl + request.rawPath())).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return Exchange.Response.text(404, "Not found");
            }
            String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
            return Exchange.Response.of(200, type, r.body(), Map.of("Cache-Control", "public, max-age=86400"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.Response.text(503, "interrupted");
        } catch (IllegalArgumentException e) {
            return Exchange.Response.text(404, "Not found");
        }
    }

    Exchange.Response file(Exchange.Request request) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Exchange.Response.text(405, "Method not allowed");
        }
        String path = URLDecoder.decode(request.rawPath(), StandardCharsets.UTF_8);
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        if (path.startsWith("/vendor/")) {
            // what the CDK deployment copies to /vendor/, and nothing else of node_modules
            String vendored = shop.verdant.contract.SiteVendor.FILES.get(path.substring("/vendor/".length()));
            if (vendored == null || !Files.isRegularFile(siteDir.resolve(vendored))) {
                return Exchange.Response.text(404, "Not found");
            }
            return Exchange.Response.of(200, CONTENT_TYPES.get("js"), Files.readAllBytes(siteDir.resolve(vendored)),
                    Map.of("Cache-Control", "public, max-age=86400"));
        }
        Path file = siteDir.resolve(path.substring(1)).normalize();
        Path relative = siteDir.relativize(file);
        if (!file.startsWith(siteDir) || !Files.isRegularFile(file) || relative.startsWith("e2e")
                || relative.startsWith("node_modules") || relative.toString().startsWith("package")) {
            return Exchange.Response.text(404, "Not found");
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return Exchange.Response.of(200, CONTENT_TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file),
                Map.of("Cache-Control", "no-cache"));
    }
}
