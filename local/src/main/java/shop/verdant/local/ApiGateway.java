package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.verdant.contract.Route;
import shop.verdant.http.AuthException;
import shop.verdant.http.Problem;
import shop.verdant.http.TokenVerifier;

/**
 * API Gateway's REST API as far as the shop needs it: the contract's routes matched against method and path,
 * per-client throttling like the stage's, the Cognito authorizer on COGNITO routes, the request handed to the
 * real handler as a REST proxy (payload v1) event, and one access-log line per request. Unknown paths are 404
 * and wrong methods 405, as problem JSON; a handler that throws is a 502, as an integration failure is.
 */
final class ApiGateway {
    private record Bound(Route route, Pattern pattern) {
    }

    private final List<Bound> routes = new ArrayList<>();
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers =
            new ConcurrentHashMap<>();
    private final AccessLog accessLog;
    private final Throttle throttle;
    private volatile TokenVerifier authorizer;

    AccessLog accessLog() {
        return accessLog;
    }

    ApiGateway(List<Route> contractRoutes, AccessLog accessLog, Throttle.Limits limits) {
        for (Route r : contractRoutes) {
            routes.add(new Bound(r, r.pathPattern()));
        }
        this.accessLog = accessLog;
        this.throttle = new Throttle(limits);
    }

    void authorizer(TokenVerifier verifier) {
        this.authorizer = verifier;
    }

    /** Creates every route's handler now, so their wiring fails at start rather than on a first click. */
    void warmUp() {
        routes.forEach(b -> handlerFor(b.route()));
    }

    Exchange.Response serve(Exchange.Request request) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        String requestId = UUID.randomUUID().toString();
        Route matched = null;
        Matcher matcher = null;
        boolean pathKnown = false;
        for (Bound b : routes) {
            Matcher m = b.pattern().matcher(request.rawPath());
            if (m.matches()) {
                pathKnown = true;
                if (b.route().method().equals(request.method())) {
                    matched = b.route();
                    matcher = m;
                    break;
                }
            }
        }
        Map<String, String> claims = Map.of();
        Exchange.Response response;
        long retryAfter = throttle.retryAfterSeconds(request.clientIp(), started);
        if (retryAfter > 0) {
            response = Problems.of(429, "too-many-requests", "Too many requests",
                    "Slow down and retry in " + retryAfter + " s.", requestId, Map.of("Retry-After", String.valueOf(retryAfter)));
        } else if (matched == null) {
            response = pathKnown
                    ? Problems.of(405, "method-not-allowed", "Method not allowed",
                            request.method() + " is not allowed on " + request.rawPath(), requestId)
                    : Problems.of(404, "not-found", "Not found", "No API route matches this method and path.", requestId);
        } else {
            String failure = null;
            if (matched.auth() == Route.Auth.COGNITO) {
                try {
                    claims = authorize(request);
                } catch (AuthException e) {
                    failure = e.getMessage();
                }
            }
            if (failure != null) {
                claims = Map.of();
                response = Problems.of(401, "unauthorized", "Unauthorized", failure, requestId,
                        Map.of("WWW-Authenticate", "Bearer"));
            } else {
                response = invoke(matched, event(request, matched, matcher, requestId, at, claims), requestId);
            }
        }
        response.headers().put("x-amzn-RequestId", requestId);
        accessLog.write(new AccessLog.Entry(requestId, at, request.method(), matched == null ? null : matched.path(),
                request.rawPath(), response.status(), request.protocol(), response.body().length,
                (System.nanoTime() - started) / 1_000_000, request.clientIp(), request.header("User-Agent"), claims.get("sub")));
        return response;
    }

    private Map<String, String> authorize(Exchange.Request request) {
        String token = shop.verdant.http.ApiRequest.bearer(request.header("Authorization"));
        TokenVerifier verifier = authorizer;
        if (token == null || verifier == null) {
            throw AuthException.unauthorized("Sign in: this needs a bearer token from the shop's user pool.");
        }
        return verifier.verify(token);
    }

    private Exchange.Response invoke(Route route, APIGatewayProxyRequestEvent event, String requestId) {
        APIGatewayProxyResponseEvent answer;
        try {
            answer = handlerFor(route).handleRequest(event, new LocalContext(requestId, route.handler().functionName()));
        } catch (RuntimeException e) {
            // what API Gateway answers when the integration itself fails
            System.err.println("integration failure in " + route.handler().functionName() + " (request " + requestId + "): " + e);
            return Problems.of(502, "bad-gateway", "Bad gateway", "The handler failed.", requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.getHeaders() != null) {
            headers.putAll(answer.getHeaders());
        }
        String contentType = headers.remove("Content-Type");
        String raw = answer.getBody() == null ? "" : answer.getBody();
        byte[] body = Boolean.TRUE.equals(answer.getIsBase64Encoded())
                ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        return Exchange.Response.of(answer.getStatusCode() == null ? 200 : answer.getStatusCode(),
                contentType == null ? (body.length == 0 ? null : Problem.CONTENT_TYPE) : contentType, body, headers);
    }

    private static APIGatewayProxyRequestEvent event(Exchange.Request request, Route route, Matcher matcher, String requestId,
                                                     Instant at, Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            multiHeaders.put(name, List.copyOf(values));
        });
        Map<String, List<String>> multiQuery = parseQuery(request.rawQuery());
        Map<String, String> query = new LinkedHashMap<>();
        multiQuery.forEach((k, v) -> query.put(k, v.get(v.size() - 1)));
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (String name : route.pathParameterNames()) {
            pathParameters.put(name, decode(matcher.group(name)));
        }
        var identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp(request.clientIp())
                .withUserAgent(request.header("User-Agent"));
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(requestId)
                .withStage("local")
                .withResourcePath(route.path())
                .withHttpMethod(route.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withAccountId("000000000000")
                .withApiId("local")
                .withIdentity(identity);
        context.setRequestTimeEpoch(at.toEpochMilli());
        context.setRequestTime(AccessLog.CLF.format(at));
        if (!claims.isEmpty()) {
            context.setAuthorizer(new LinkedHashMap<>(Map.of("claims", claims)));
        }
        return new APIGatewayProxyRequestEvent()
                .withResource(route.path())
                .withPath(request.rawPath())
                .withHttpMethod(route.method())
                .withHeaders(headers)
                .withMultiValueHeaders(multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8))
                .withIsBase64Encoded(false);
    }

    /** Query parameters as API Gateway decodes them; a malformed escape ({@code %zz}, {@code 100%}) is kept as sent. */
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
}
