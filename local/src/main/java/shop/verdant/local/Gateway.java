package shop.verdant.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import shop.verdant.contract.Route;
import shop.verdant.contract.SecurityHeaders;
import shop.verdant.http.Json;
import shop.verdant.http.TokenVerifier;

/**
 * CloudFront and API Gateway on a laptop, on loopback: {@code /api/*} goes to the {@link ApiGateway},
 * {@code /cognito/} to the {@link CognitoProxy}, {@code /images/*}, {@code /config.json} and the storefront's
 * files to the {@link StaticSite}. Every answer carries the security headers CloudFront adds
 * ({@link SecurityHeaders}); a body over {@link #MAX_BODY_BYTES} is a 413; and whatever fails, including a
 * request line the HTTP server itself refuses, is answered as problem JSON, never as an HTML page or a
 * dropped connection.
 */
public final class Gateway implements AutoCloseable {
    /** API Gateway's payload limit for a REST API: 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** Where the local shop's presigned uploads go (the bucket's own endpoint on AWS). */
    static final String UPLOADS_PATH = "/local/uploads";

    private final Server server;
    private final ServerConnector connector;
    private final ApiGateway api;
    private final StaticSite site;
    private final Map<String, String> securityHeaders = SecurityHeaders.all(null);
    private volatile CognitoProxy cognito;
    private volatile Function<String, CognitoLocalEngine.Inbox> mailbox;
    private volatile LocalMailbox outbox;
    private volatile StripeStandIn stripe;
    private volatile LocalUploads uploads;

    public Gateway(int port, List<Route> routes, Path siteDir, String imagesBaseUrl,
                   Supplier<Map<String, Object>> siteConfig, Path accessLogFile) throws IOException {
        this(port, routes, siteDir, imagesBaseUrl, siteConfig, accessLogFile, Throttle.Limits.STAGE);
    }

    Gateway(int port, List<Route> routes, Path siteDir, String imagesBaseUrl, Supplier<Map<String, Object>> siteConfig,
            Path accessLogFile, Throttle.Limits limits) throws IOException {
        this.api = new ApiGateway(routes, new AccessLog(accessLogFile), limits);
        this.site = new StaticSite(siteDir, imagesBaseUrl, siteConfig);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("gateway");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setSendServerVersion(false);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                write(response, callback, serve(request));
                return true;
            }
        });
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("the gateway did not start on port " + port, e);
        }
    }

    /** Plays API Gateway's Cognito authorizer on COGNITO routes. */
    public void authorizer(TokenVerifier verifier) {
        api.authorizer(verifier);
    }

    /** {@code POST /cognito/} reaches this Cognito endpoint, checked as Cognito would check a browser's call. */
    void cognitoProxy(CognitoProxy proxy) {
        this.cognito = proxy;
    }

    /** {@code /stripe/*} reaches the local Stripe stand-in (its API for stripe-java, its Stripe.js for the site). */
    public void stripe(StripeStandIn standIn) {
        this.stripe = standIn;
    }

    /**
     * {@code GET /local/mailbox?email=} answers the confirmation codes, invitation and authenticator code, and the
     * emails "sent" to an address (local shop only): JSON, or a page for a browser.
     */
    void mailbox(Function<String, CognitoLocalEngine.Inbox> inboxOf, LocalMailbox sent) {
        this.outbox = sent;
        this.mailbox = inboxOf;
    }

    /** {@code POST /local/uploads} is the images bucket's browser upload endpoint, as S3 answers it. */
    void uploads(LocalUploads uploads) {
        this.uploads = uploads;
    }

    public void warmUp() {
        api.warmUp();
    }

    /** Every access-log line also goes to {@code delivery} (the local OpenSearch's access-logs-*). */
    void accessLogDelivery(shop.verdant.application.tracking.BufferedDelivery delivery) {
        api.accessLog().deliverTo(delivery);
    }

    public int port() {
        return connector.getLocalPort();
    }

    private Exchange.Response serve(Request request) {
        try {
            Exchange.Request r = read(request);
            if (r == null) {
                return Problems.of(413, "too-large", "Request too large",
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes.", null);
            }
            String path = r.rawPath();
            if (path.equals("/api") || path.startsWith("/api/")) {
                return api.serve(r);
            }
            if (path.startsWith("/stripe/") && stripe != null) {
                return stripe.serve(r);
            }
            if (path.startsWith("/images/")) {
                return site.image(r);
            }
            if ((path.equals("/cognito") || path.equals("/cognito/")) && cognito != null) {
                return cognito.serve(r);
            }
            if (path.equals("/local/mailbox") && mailbox != null) {
                String email = ApiGateway.parseQuery(r.rawQuery()).getOrDefault("email", List.of("")).get(0);
                CognitoLocalEngine.Inbox inbox = mailbox.apply(email);
                String accept = r.header("Accept");
                if (accept != null && accept.contains("text/html")) {
                    return Exchange.Response.of(200, "text/html; charset=utf-8", LocalMailbox.page(email, inbox, outbox.to(email))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
                }
                return Exchange.Response.json(200, Json.write(outbox.json(email, inbox)), Map.of("Cache-Control", "no-store"));
            }
            if (path.equals(UPLOADS_PATH) && uploads != null) {
                return uploads.serve(r);
            }
            if (path.equals("/config.json")) {
                return site.config();
            }
            return site.file(r);
        } catch (IllegalArgumentException e) {
            return Problems.of(400, "invalid-request", "Invalid request", "The request could not be read: "
                    + e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            // a fault in the stand-in itself: answer like API Gateway would rather than drop the connection
            System.err.println("local gateway failed on " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e);
            return Problems.of(500, "internal", "Internal error", "The local gateway failed.", null);
        }
    }

    /** The request as the parts see it; null when its body is over the limit. */
    private static Exchange.Request read(Request request) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        HttpURI uri = request.getHttpURI();
        return new Exchange.Request(request.getMethod(), uri.getPath(), uri.getQuery(), headers, body,
                Request.getRemoteAddr(request), request.getConnectionMetaData().getProtocol());
    }

    private void write(Response response, Callback callback, Exchange.Response answer) {
        response.setStatus(answer.status());
        securityHeaders.forEach((k, v) -> response.getHeaders().put(k, v));
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (answer.contentType() != null) {
            response.getHeaders().put("Content-Type", answer.contentType());
        }
        boolean empty = answer.status() == 204 || answer.status() == 304;
        response.write(true, ByteBuffer.wrap(empty ? new byte[0] : answer.body()), callback);
    }

    /** What the HTTP server answers on its own (an unreadable request line, a bad escape in the path): problem JSON. */
    private final class ProblemErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object message = request.getAttribute(ERROR_MESSAGE);
            String detail = status < 500
                    ? "The request could not be read" + (message == null ? "." : ": " + message + ".")
                    : "The local gateway failed.";
            Exchange.Response answer = status < 500
                    ? Problems.of(status, "invalid-request", "Invalid request", detail, null)
                    : Problems.of(status, "internal", "Internal error", detail, null);
            response.getHeaders().clear();
            Gateway.this.write(response, callback, answer);
            return true;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("stopping the gateway: " + e);
        }
    }

}
