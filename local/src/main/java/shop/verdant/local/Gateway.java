package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import shop.verdant.http.AuthException;
import shop.verdant.http.Json;
import shop.verdant.http.TokenVerifier;
import shop.verdant.http.Problem;
import shop.verdant.spec.Route;

/**
 * API Gateway and CloudFront, as far as the shop needs them on a laptop: {@code /api/*} is matched
 * against the route table and handed to the real handler as a REST proxy (payload v1) event, with CORS
 * and one JSON access-log line per request; {@code /images/*} is read from the images bucket; anything
 * else is a file of the storefront; {@code /config.json} is the site's settings.
 */
public final class Gateway implements AutoCloseable {
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ALLOWED_HEADERS =
            "Content-Type,Authorization,X-Visitor-Id,X-Cart-Token,Idempotency-Key";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "webmanifest", "application/manifest+json");

    private record Bound(Route route, java.util.regex.Pattern pattern) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Bound> routes = new ArrayList<>();
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers =
            new ConcurrentHashMap<>();
    private final Path siteDir;
    private final String imagesBaseUrl;
    private final Supplier<Map<String, Object>> siteConfig;
    private final Path accessLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile TokenVerifier authorizer;
    private volatile String cognitoEndpoint;
    private volatile java.util.function.Function<String, List<String>> mailbox;
    private volatile java.util.function.Consumer<String> postConfirmation;

    /** Called with the user name after a successful {@code ConfirmSignUp}, as Cognito calls its post-confirmation trigger. */
    public void postConfirmation(java.util.function.Consumer<String> trigger) {
        this.postConfirmation = trigger;
    }

    /**
     * Plays API Gateway's Cognito authorizer on COGNITO routes: a missing or invalid token is refused with
     * 401 before any handler runs; a valid one's claims reach the handler as {@code requestContext.authorizer.claims}.
     */
    public void authorizer(TokenVerifier verifier) {
        this.authorizer = verifier;
    }

    /** {@code POST /cognito/} is passed to this Cognito endpoint, as the site calls Cognito's API from the browser. */
    public void cognitoProxy(String endpoint) {
        this.cognitoEndpoint = endpoint;
    }

    /** {@code GET /local/mailbox?email=} answers the confirmation codes "sent" to an address (local shop only). */
    public void mailbox(java.util.function.Function<String, List<String>> codesFor) {
        this.mailbox = codesFor;
    }

    public Gateway(int port, List<Route> routeTable, Path siteDir, String imagesBaseUrl,
                   Supplier<Map<String, Object>> siteConfig, Path accessLog) throws IOException {
        for (Route r : routeTable) {
            routes.add(new Bound(r, r.pathPattern()));
        }
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.imagesBaseUrl = imagesBaseUrl;
        this.siteConfig = siteConfig;
        this.accessLog = accessLog;
        Files.createDirectories(accessLog.getParent());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Creates every route's handler now, so their wiring fails at start rather than on a first click. */
    public void warmUp() {
        for (Bound b : routes) {
            handlerFor(b.route());
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/api") || path.startsWith("/api/")) {
                serveApi(exchange);
            } else if (path.startsWith("/images/")) {
                serveImage(exchange, path);
            } else if ((path.equals("/cognito") || path.equals("/cognito/")) && cognitoEndpoint != null) {
                proxyCognito(exchange);
            } else if (path.equals("/local/mailbox") && mailbox != null) {
                String email = parseQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("email", List.of("")).get(0);
                send(exchange, 200, "application/json", Json.write(Map.of("email", email, "codes", mailbox.apply(email)))
                        .getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", Json.write(siteConfig.get()).getBytes(StandardCharsets.UTF_8),
                        Map.of("Cache-Control", "no-store"));
            } else {
                serveFile(exchange, path);
            }
        } catch (RuntimeException e) {
            // A fault in the stand-in itself: answer like API Gateway would rather than drop the connection.
            e.printStackTrace();
            try {
                send(exchange, 500, Problem.CONTENT_TYPE, Json.write(Problem.of("internal", "Internal error", 500,
                        "The local gateway failed.", null)).getBytes(StandardCharsets.UTF_8), Map.of());
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the response had started; nothing more can be said
            }
        }
    }

    private void serveApi(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant at = Instant.now();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();

        Route matched = null;
        Matcher matcher = null;
        boolean pathKnown = false;
        for (Bound b : routes) {
            Matcher m = b.pattern().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (b.route().method().equals(method)) {
                    matched = b.route();
                    matcher = m;
                    break;
                }
            }
        }

        int status;
        String contentType;
        byte[] body;
        Map<String, String> claims = Map.of();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("x-amzn-RequestId", requestId);
        if (method.equals("OPTIONS") && pathKnown) {
            status = 204;
            contentType = null;
            body = new byte[0];
            headers.put("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS");
            headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.put("Access-Control-Max-Age", "600");
        } else if (matched == null) {
            status = pathKnown ? 405 : 404;
            Problem p = Problem.of(pathKnown ? "method-not-allowed" : "not-found",
                    pathKnown ? "Method not allowed" : "Not found", status,
                    pathKnown ? method + " is not allowed on " + path : "No API route matches " + path, requestId);
            contentType = Problem.CONTENT_TYPE;
            body = Json.write(p).getBytes(StandardCharsets.UTF_8);
        } else if ((claims = authorize(exchange, matched)) == null) {
            status = 401;
            contentType = Problem.CONTENT_TYPE;
            body = Json.write(Problem.of("unauthorized", "Unauthorized", 401, unauthorizedDetail(exchange), requestId))
                    .getBytes(StandardCharsets.UTF_8);
            headers.put("WWW-Authenticate", "Bearer");
        } else {
            APIGatewayProxyRequestEvent event = event(exchange, matched, matcher, requestId, at, requestBody);
            if (!claims.isEmpty()) {
                event.getRequestContext().setAuthorizer(new LinkedHashMap<>(Map.of("claims", claims)));
            }
            APIGatewayProxyResponseEvent response;
            try {
                response = handlerFor(matched).handleRequest(event, new LocalContext(requestId, matched.functionName()));
            } catch (RuntimeException e) {
                // What API Gateway answers when the integration itself fails.
                e.printStackTrace();
                response = new APIGatewayProxyResponseEvent().withStatusCode(502)
                        .withHeaders(Map.of("Content-Type", Problem.CONTENT_TYPE))
                        .withBody(Json.write(Problem.of("bad-gateway", "Bad gateway", 502,
                                "The handler failed.", requestId)));
            }
            status = response.getStatusCode() == null ? 200 : response.getStatusCode();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            contentType = headers.remove("Content-Type");
            String raw = response.getBody() == null ? "" : response.getBody();
            body = Boolean.TRUE.equals(response.getIsBase64Encoded())
                    ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, status, contentType, body, headers);
        writeAccessLog(exchange, requestId, at, method, matched == null ? null : matched.path(), path, status,
                body.length, (System.nanoTime() - started) / 1_000_000, claims == null ? null : claims.get("sub"));
    }

    /** The authorizer's claims: empty for routes without one, null when the token is missing or invalid. */
    private Map<String, String> authorize(HttpExchange exchange, Route route) {
        if (route.auth() != Route.Auth.COGNITO) {
            return Map.of();
        }
        String token = bearer(exchange);
        TokenVerifier verifier = authorizer;
        if (token == null || verifier == null) {
            return null;
        }
        try {
            return verifier.verify(token);
        } catch (AuthException e) {
            exchange.setAttribute("authFailure", e.getMessage());
            return null;
        }
    }

    private static String unauthorizedDetail(HttpExchange exchange) {
        Object why = exchange.getAttribute("authFailure");
        return why != null ? why.toString() : "Sign in: this needs a bearer token from the shop's user pool.";
    }

    private static String bearer(HttpExchange exchange) {
        return shop.verdant.http.ApiRequest.bearer(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    /**
     * The user-pool operations a browser may call without AWS credentials. cognito-local checks no
     * signatures, so the proxy refuses the rest (AdminAddUserToGroup and friends) as Cognito would refuse an
     * unsigned call: a visitor cannot make themselves an admin.
     */
    static final java.util.Set<String> PUBLIC_COGNITO_OPERATIONS = java.util.Set.of(
            "SignUp", "ConfirmSignUp", "ResendConfirmationCode", "InitiateAuth", "RespondToAuthChallenge",
            "ForgotPassword", "ConfirmForgotPassword", "GetUser", "ChangePassword", "UpdateUserAttributes",
            "VerifyUserAttribute", "GetUserAttributeVerificationCode", "DeleteUser", "RevokeToken", "GlobalSignOut",
            "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference");

    private void proxyCognito(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, "text/plain", new byte[0], Map.of());
            return;
        }
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.lastIndexOf('.') + 1);
        if (!PUBLIC_COGNITO_OPERATIONS.contains(operation)) {
            send(exchange, 400, "application/x-amz-json-1.1", Json.write(Map.of("__type", "NotAuthorizedException",
                    "message", "This operation needs AWS credentials; the storefront may not call it.")).getBytes(StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "no-store"));
            return;
        }
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(cognitoEndpoint + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody));
            if (target != null) {
                r.header("X-Amz-Target", target);
            }
            HttpResponse<byte[]> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            var trigger = postConfirmation;
            if (answer.statusCode() == 200 && operation.equals("ConfirmSignUp") && trigger != null) {
                // Cognito runs the trigger before it answers; so does this stand-in
                String user = Json.read(new String(requestBody, StandardCharsets.UTF_8), com.fasterxml.jackson.databind.JsonNode.class)
                        .path("Username").asText();
                try {
                    trigger.accept(user);
                } catch (RuntimeException e) {
                    System.err.println("post-confirmation trigger failed: " + e);
                }
            }
            send(exchange, answer.statusCode(), "application/x-amz-json-1.1", answer.body(), Map.of("Cache-Control", "no-store"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, "text/plain", new byte[0], Map.of());
        }
    }

    private APIGatewayProxyRequestEvent event(HttpExchange exchange, Route route, Matcher matcher, String requestId,
                                              Instant at, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            multiHeaders.put(name, List.copyOf(values));
        });
        Map<String, List<String>> multiQuery = parseQuery(exchange.getRequestURI().getRawQuery());
        Map<String, String> query = new LinkedHashMap<>();
        multiQuery.forEach((k, v) -> query.put(k, v.get(v.size() - 1)));
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (String name : route.pathParameterNames()) {
            pathParameters.put(name, URLDecoder.decode(matcher.group(name), StandardCharsets.UTF_8));
        }

        var identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"));
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(requestId)
                .withStage("local")
                .withResourcePath(route.path())
                .withHttpMethod(route.method())
                .withPath(exchange.getRequestURI().getRawPath())
                .withProtocol(exchange.getProtocol())
                .withAccountId("000000000000")
                .withApiId("local")
                .withIdentity(identity);
        context.setRequestTimeEpoch(at.toEpochMilli());
        context.setRequestTime(CLF.format(at));
        return new APIGatewayProxyRequestEvent()
                .withResource(route.path())
                .withPath(exchange.getRequestURI().getRawPath())
                .withHttpMethod(route.method())
                .withHeaders(headers)
                .withMultiValueHeaders(multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handlerFor(Route route) {
        return handlers.computeIfAbsent(route.handlerClass(), name -> {
            try {
                return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create handler " + name, e);
            }
        });
    }

    private void serveImage(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 405, "text/plain", new byte[0], Map.of());
            return;
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(imagesBaseUrl + path)).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
            send(exchange, 200, type, r.body(), Map.of("Cache-Control", "public, max-age=86400"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, "text/plain", new byte[0], Map.of());
        }
    }

    private void serveFile(HttpExchange exchange, String rawPath) throws IOException {
        String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        Path file = siteDir.resolve(path.substring(1)).normalize();
        if (!file.startsWith(siteDir) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        send(exchange, 200, CONTENT_TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file),
                Map.of("Cache-Control", "no-cache"));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                             Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** One line in API Gateway's access-log shape, fields in {@link shop.verdant.spec.AccessLogFormat#ORDER}. */
    private void writeAccessLog(HttpExchange exchange, String requestId, Instant at, String method, String resource,
                                String path, int status, int length, long latencyMillis, String userSub) {
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", requestId);
        line.put("requestTime", CLF.format(at));
        line.put("requestTimeEpoch", at.toEpochMilli());
        line.put("httpMethod", method);
        line.put("resourcePath", resource == null ? "-" : resource);
        line.put("path", path);
        line.put("status", status);
        line.put("protocol", exchange.getProtocol());
        line.put("responseLength", length);
        line.put("responseLatency", latencyMillis);
        line.put("ip", exchange.getRemoteAddress().getAddress().getHostAddress());
        line.put("userAgent", userAgent == null ? "-" : userAgent);
        line.put("userSub", userSub == null ? "-" : userSub);
        try {
            synchronized (this) {
                Files.writeString(accessLog, Json.write(line) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // The response has been sent; a lost log line must not turn into a second answer.
            System.err.println("access log not written: " + e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
