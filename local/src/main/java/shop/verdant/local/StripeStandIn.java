package shop.verdant.local;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.verdant.http.Json;

/**
 * Stripe on a laptop: the part of Stripe's HTTP API the shop calls, reached by stripe-java through
 * {@code setApiBase} at {@code /stripe} on the local gateway. PaymentIntents (create, retrieve with
 * {@code expand[]=latest_charge}, confirm, cancel) and Refunds, in the object and error shapes of the API
 * version stripe-java 33.3 pins; Stripe's {@code Idempotency-Key} rules (a replay answers the first answer, the
 * same key with other parameters is an {@code idempotency_error}); Stripe's test payment methods
 * ({@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} and {@code pm_card_chargeDeclinedInsufficientFunds}
 * are declined with their decline codes, {@code pm_card_createDispute} succeeds and is disputed). Every change
 * is delivered as a signed webhook event, at least once, retried until the shop answers 2xx; {@link Delivery}
 * makes it duplicate, delay and reorder deliveries. It also serves, at {@code /stripe/v3/stripe.js}, the subset of
 * Stripe.js the storefront calls, so the site's code is the same here and on AWS.
 */
public final class StripeStandIn implements AutoCloseable {
    /** The API version stripe-java 33.3.0 pins. */
    static final String API_VERSION = "2026-07-29.dahlia";

    /** How webhook events are delivered: {@code duplicateRate} of them twice, each after up to {@code maxDelayMs}. */
    public record Delivery(double duplicateRate, long maxDelayMs) {
        public static final Delivery PROMPT = new Delivery(0, 0);
    }

    private final String secretKey;
    private final String publishableKey;
    private final String webhookSecret;
    private final Supplier<URI> webhookUrl;
    private final Clock clock;
    private volatile Delivery delivery;
    private volatile boolean paused;

    private final Object lock = new Object();
    private final Map<String, Intent> intents = new HashMap<>();
    private final Map<String, Stored> idempotent = new HashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger intentsCreated = new AtomicInteger();
    private final AtomicInteger refundsCreated = new AtomicInteger();
    private final AtomicInteger pendingDeliveries = new AtomicInteger();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final ScheduledExecutorService deliverer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "stripe-standin-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StripeStandIn(String secretKey, String publishableKey, String webhookSecret, Supplier<URI> webhookUrl,
                         Delivery delivery, Clock clock) {
        this.secretKey = secretKey;
        this.publishableKey = publishableKey;
        this.webhookSecret = webhookSecret;
        this.webhookUrl = webhookUrl;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** A fresh set of test-mode keys: {@code sk_test_…}, {@code pk_test_…}, {@code whsec_…}. */
    public static Map<String, String> newKeys() {
        return Map.of("STRIPE_SECRET_KEY", "sk_test_local" + token(24), "STRIPE_PUBLISHABLE_KEY", "pk_test_local" + token(24),
                "STRIPE_WEBHOOK_SECRET", "whsec_local" + token(32));
    }

    public void delivery(Delivery next) {
        this.delivery = next;
    }

    /** While paused, events are made and listed but not delivered (tests that deliver them themselves). */
    public void pauseDeliveries(boolean pause) {
        this.paused = pause;
    }

    /** The next {@code count} API calls answer {@code status} (500, 429) without doing anything. */
    public void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(status, 0));
        }
    }

    /** The next {@code count} API calls do their work, then answer only after {@code hangMs}: past the client's timeout, the answer is lost. */
    public void hangNext(int count, long hangMs) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(0, hangMs));
        }
    }

    /** How many PaymentIntents were really created (replays of an idempotent create are not). */
    public int intentsCreated() {
        return intentsCreated.get();
    }

    public int refundsCreated() {
        return refundsCreated.get();
    }

    /** How many webhook deliveries were attempted. */
    public int deliveries() {
        return deliveries.get();
    }

    /** Waits until every scheduled webhook delivery has been made (or given up). */
    public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pendingDeliveries.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The events it made, oldest first (as {@code GET /v1/events} would list them, newest first). */
    public List<Map<String, Object>> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    // ---------------------------------------------------------------- HTTP

    Exchange.Response serve(Exchange.Request r) {
        String path = r.rawPath().substring("/stripe".length());
        if (r.method().equals("GET") && path.equals("/v3/stripe.js")) {
            return Exchange.Response.of(200, "text/javascript; charset=utf-8", STRIPE_JS.getBytes(StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "no-store"));
        }
        Fault fault = path.startsWith("/v1/") ? faults.poll() : null;
        if (fault != null && fault.status() != 0) {
            return fault.status() == 429
                    ? error(429, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.", null)
                    : error(fault.status(), "api_error", null, "Injected fault.", null);
        }
        Exchange.Response answer = process(r, path);
        if (fault != null) {
            sleep(fault.hangMs());
        }
        return answer;
    }

    private Exchange.Response process(Exchange.Request r, String path) {
        Map<String, String> params = form(r.method().equals("GET") ? r.rawQuery()
                : new String(r.body(), StandardCharsets.UTF_8));
        String auth = r.header("authorization");
        boolean secret = ("Bearer " + secretKey).equals(auth);
        boolean publishable = ("Bearer " + publishableKey).equals(auth) || publishableKey.equals(params.get("key"));
        if (!secret && !publishable) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided.", null);
        }
        String[] parts = path.split("/");
        synchronized (lock) {
            String key = r.header("idempotency-key");
            if (key != null && r.method().equals("POST")) {
                String fingerprint = r.method() + " " + path + " " + new TreeMap<>(params);
                Stored seen = idempotent.get(key);
                if (seen != null) {
                    if (!seen.fingerprint().equals(fingerprint)) {
                        return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same "
                                + "parameters they were first used with. Try using a key other than '" + key + "' if you meant to "
                                + "execute a different request.", null);
                    }
                    Map<String, String> h = new LinkedHashMap<>(seen.response().headers());
                    h.put("Idempotent-Replayed", "true");
                    return Exchange.Response.of(seen.response().status(), seen.response().contentType(), seen.response().body(), h);
                }
                Exchange.Response answer = route(r.method(), parts, params, secret);
                if (answer.status() < 500) {
                    idempotent.put(key, new Stored(fingerprint, answer));
                }
                return answer;
            }
            return route(r.method(), parts, params, secret);
        }
    }

    private Exchange.Response route(String method, String[] parts, Map<String, String> params, boolean secret) {
        // parts: "", "v1", resource, [id], [action]
        if (parts.length >= 3 && parts[2].equals("payment_intents")) {
            if (parts.length == 3 && method.equals("POST") && secret) {
                return createIntent(params);
            }
            Intent intent = parts.length >= 4 ? intents.get(parts[3]) : null;
            if (intent == null) {
                return error(404, "invalid_request_error", "resource_missing", "No such payment_intent: '"
                        + (parts.length >= 4 ? parts[3] : "") + "'", "intent");
            }
            if (!secret && !intent.clientSecret.equals(params.get("client_secret"))) {
                return error(401, "invalid_request_error", null, "The client_secret provided does not match this PaymentIntent.", null);
            }
            if (parts.length == 4 && method.equals("GET")) {
                boolean expand = params.entrySet().stream().anyMatch(e -> e.getKey().startsWith("expand") && e.getValue().equals("latest_charge"));
                return ok(intent.json(expand));
            }
            if (parts.length == 5 && method.equals("POST") && parts[4].equals("confirm")) {
                return confirm(intent, params.get("payment_method"));
            }
            if (parts.length == 5 && method.equals("POST") && parts[4].equals("cancel") && secret) {
                return cancel(intent);
            }
        }
        if (parts.length == 3 && parts[2].equals("refunds") && method.equals("POST") && secret) {
            return refund(params);
        }
        if (parts.length == 3 && parts[2].equals("events") && method.equals("GET") && secret) {
            List<Map<String, Object>> newestFirst = new ArrayList<>(events);
            java.util.Collections.reverse(newestFirst);
            return ok(Map.of("object", "list", "url", "/v1/events", "has_more", false,
                    "data", newestFirst.subList(0, Math.min(newestFirst.size(), 100))));
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + String.join("/", parts) + ").", null);
    }

    // ---------------------------------------------------------------- behaviour

    private Exchange.Response createIntent(Map<String, String> params) {
        long amount;
        try {
            amount = Long.parseLong(params.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.", "amount");
        }
        String currency = params.get("currency");
        if (amount < 50 || currency == null || !currency.matches("[a-z]{3}")) {
            return error(400, "invalid_request_error", "amount_too_small", "Amount must be at least €0.50 eur", "amount");
        }
        Intent intent = new Intent();
        intent.id = "pi_" + token(24);
        intent.clientSecret = intent.id + "_secret_" + token(24);
        intent.amount = amount;
        intent.currency = currency;
        intent.description = params.get("description");
        intent.created = clock.instant().getEpochSecond();
        params.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                intent.metadata.put(k.substring(9, k.length() - 1), v);
            }
        });
        intents.put(intent.id, intent);
        intentsCreated.incrementAndGet();
        emit("payment_intent.created", intent.json(false));
        return ok(intent.json(false));
    }

    private Exchange.Response confirm(Intent intent, String method) {
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            return error(400, "invalid_request_error", "payment_intent_unexpected_state", "This PaymentIntent's status is "
                    + intent.status + "; it cannot be confirmed.", null);
        }
        String pm = method == null ? "pm_card_visa" : method;
        intent.paymentMethod = "pm_" + token(24);
        switch (pm) {
            case "pm_card_visa", "pm_card_createDispute" -> {
                intent.status = "succeeded";
                intent.amountReceived = intent.amount;
                intent.lastError = null;
                Charge charge = new Charge("ch_" + token(24), intent, clock.instant().getEpochSecond());
                intent.charges.add(charge);
                emit("charge.succeeded", charge.json());
                emit("payment_intent.succeeded", intent.json(false));
                if (pm.equals("pm_card_createDispute")) {
                    charge.disputed = true;
                    emit("charge.dispute.created", charge.disputeJson());
                }
                return ok(intent.json(false));
            }
            case "pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds" -> {
                boolean funds = pm.endsWith("InsufficientFunds");
                intent.status = "requires_payment_method";
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("type", "card_error");
                err.put("code", "card_declined");
                err.put("decline_code", funds ? "insufficient_funds" : "generic_decline");
                err.put("message", funds ? "Your card has insufficient funds." : "Your card was declined.");
                err.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
                intent.lastError = err;
                emit("payment_intent.payment_failed", intent.json(false));
                Map<String, Object> body = new LinkedHashMap<>(err);
                body.put("payment_intent", intent.json(false));
                return Exchange.Response.json(402, Json.write(Map.of("error", body)), Map.of("Request-Id", "req_" + token(14)));
            }
            default -> {
                return error(400, "invalid_request_error", "resource_missing", "No such PaymentMethod: '" + pm + "'", "payment_method");
            }
        }
    }

    private Exchange.Response cancel(Intent intent) {
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            return error(400, "invalid_request_error", "payment_intent_unexpected_state", "You cannot cancel this PaymentIntent "
                    + "because it has a status of " + intent.status + ".", null);
        }
        intent.status = "canceled";
        intent.cancellationReason = "requested_by_customer";
        emit("payment_intent.canceled", intent.json(false));
        return ok(intent.json(false));
    }

    private Exchange.Response refund(Map<String, String> params) {
        Intent intent = intents.get(params.getOrDefault("payment_intent", ""));
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such payment_intent: '"
                    + params.get("payment_intent") + "'", "payment_intent");
        }
        if (!intent.status.equals("succeeded")) {
            return error(400, "invalid_request_error", "charge_not_refundable",
                    "This PaymentIntent does not have a successful charge to refund.", null);
        }
        Charge charge = intent.charges.get(intent.charges.size() - 1);
        long remaining = charge.amount - charge.amountRefunded;
        long amount = params.containsKey("amount") ? Long.parseLong(params.get("amount")) : remaining;
        if (amount <= 0 || amount > remaining) {
            return error(400, "invalid_request_error", "amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + remaining + ")", "amount");
        }
        charge.amountRefunded += amount;
        refundsCreated.incrementAndGet();
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("id", "re_" + token(24));
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.put("charge", charge.id);
        refund.put("created", clock.instant().getEpochSecond());
        refund.put("currency", intent.currency);
        refund.put("metadata", metadata(params));
        refund.put("payment_intent", intent.id);
        refund.put("reason", null);
        refund.put("status", "succeeded");
        emit("refund.created", refund);
        emit("charge.refunded", charge.json());
        return ok(refund);
    }

    private static Map<String, String> metadata(Map<String, String> params) {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                m.put(k.substring(9, k.length() - 1), v);
            }
        });
        return m;
    }

    // ---------------------------------------------------------------- webhooks

    private void emit(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + token(24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of("id", "req_" + token(14)));
        event.put("type", type);
        events.add(event);
        if (paused) {
            return;
        }
        String payload = Json.write(event);
        Delivery d = delivery;
        int copies = ThreadLocalRandom.current().nextDouble() < d.duplicateRate() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long delay = d.maxDelayMs() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(d.maxDelayMs() + 1);
            pendingDeliveries.incrementAndGet();
            deliverer.schedule(() -> deliver(payload, 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Stripe's scheme: {@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload" under the signing secret>}. */
    public String signature(String payload, long t) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(String payload, int attempt) {
        boolean done = false;
        try {
            deliveries.incrementAndGet();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(webhookUrl.get())
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature(payload, clock.instant().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
            done = answer.statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            done = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = true;
        } catch (RuntimeException e) {
            done = attempt >= 6;
        }
        if (!done && attempt < 6 && !deliverer.isShutdown()) {
            // Stripe backs off for days; here a few quick tries
            deliverer.schedule(() -> deliver(payload, attempt + 1), 100L << attempt, TimeUnit.MILLISECONDS);
        } else {
            pendingDeliveries.decrementAndGet();
        }
    }

    @Override
    public void close() {
        deliverer.shutdownNow();
    }

    // ---------------------------------------------------------------- objects

    private final class Intent {
        String id;
        String clientSecret;
        long amount;
        long amountReceived;
        String currency;
        String description;
        long created;
        String status = "requires_payment_method";
        String paymentMethod;
        String cancellationReason;
        Map<String, Object> lastError;
        final Map<String, String> metadata = new LinkedHashMap<>();
        final List<Charge> charges = new ArrayList<>();

        Map<String, Object> json(boolean expandCharge) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", id);
            j.put("object", "payment_intent");
            j.put("amount", amount);
            j.put("amount_capturable", 0);
            j.put("amount_received", amountReceived);
            j.put("automatic_payment_methods", Map.of("allow_redirects", "always", "enabled", true));
            j.put("canceled_at", status.equals("canceled") ? clock.instant().getEpochSecond() : null);
            j.put("cancellation_reason", cancellationReason);
            j.put("capture_method", "automatic_async");
            j.put("client_secret", clientSecret);
            j.put("confirmation_method", "automatic");
            j.put("created", created);
            j.put("currency", currency);
            j.put("customer", null);
            j.put("description", description);
            j.put("last_payment_error", lastError);
            Charge latest = charges.isEmpty() ? null : charges.get(charges.size() - 1);
            j.put("latest_charge", latest == null ? null : expandCharge ? latest.json() : latest.id);
            j.put("livemode", false);
            j.put("metadata", metadata);
            j.put("next_action", null);
            j.put("payment_method", paymentMethod);
            j.put("payment_method_types", List.of("card"));
            j.put("status", status);
            return j;
        }
    }

    private static final class Charge {
        final String id;
        final String intentId;
        final long amount;
        final String currency;
        final long created;
        long amountRefunded;
        boolean disputed;

        Charge(String id, Intent intent, long created) {
            this.id = id;
            this.intentId = intent.id;
            this.amount = intent.amount;
            this.currency = intent.currency;
            this.created = created;
        }

        Map<String, Object> json() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", id);
            j.put("object", "charge");
            j.put("amount", amount);
            j.put("amount_captured", amount);
            j.put("amount_refunded", amountRefunded);
            j.put("captured", true);
            j.put("created", created);
            j.put("currency", currency);
            j.put("disputed", disputed);
            j.put("livemode", false);
            j.put("metadata", Map.of());
            j.put("paid", true);
            j.put("payment_intent", intentId);
            j.put("refunded", amountRefunded == amount);
            j.put("status", "succeeded");
            return j;
        }

        Map<String, Object> disputeJson() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", "dp_" + token(24));
            j.put("object", "dispute");
            j.put("amount", amount);
            j.put("charge", id);
            j.put("created", created);
            j.put("currency", currency);
            j.put("livemode", false);
            j.put("payment_intent", intentId);
            j.put("reason", "fraudulent");
            j.put("status", "needs_response");
            return j;
        }
    }

    private record Stored(String fingerprint, Exchange.Response response) {
    }

    private record Fault(int status, long hangMs) {
    }

    private Exchange.Response ok(Map<String, ?> body) {
        return Exchange.Response.json(200, Json.write(body), Map.of("Request-Id", "req_" + token(14), "Stripe-Version", API_VERSION));
    }

    private static Exchange.Response error(int status, String type, String code, String message, String param) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("type", type);
        if (code != null) {
            err.put("code", code);
        }
        err.put("message", message);
        if (param != null) {
            err.put("param", param);
        }
        return Exchange.Response.json(status, Json.write(Map.of("error", err)), Map.of("Request-Id", "req_" + token(14)));
    }

    /** Form fields as Stripe reads them: {@code metadata[orderId]=…}, {@code expand[]=…}, {@code expand[0]=…}. */
    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (k.endsWith("[]")) {
                String base = k.substring(0, k.length() - 2) + "[";
                k = base + out.keySet().stream().filter(x -> x.startsWith(base)).count() + "]";
            }
            out.put(k, v);
        }
        return out;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    static String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The Stripe.js subset the storefront calls: {@code Stripe(pk)}, {@code elements({clientSecret})},
     * {@code elements.create('payment').mount(el)} (here: a choice of Stripe's test cards) and
     * {@code confirmPayment({elements, redirect: 'if_required'})}, answering {@code {paymentIntent}} or {@code {error}}.
     */
    static final String STRIPE_JS = """
            // Verdant's local Stripe stand-in: the subset of Stripe.js the storefront uses. On AWS the real one loads.
            (function () {
              const CARDS = [
                ['pm_card_visa', 'Visa ending 4242 (succeeds)'],
                ['pm_card_chargeDeclined', 'Visa ending 0002 (declined)'],
                ['pm_card_chargeDeclinedInsufficientFunds', 'Visa ending 9995 (insufficient funds)'],
              ];
              window.Stripe = function (publishableKey) {
                return {
                  elements(options) {
                    const state = { clientSecret: options.clientSecret, method: CARDS[0][0] };
                    return {
                      _state: state,
                      create() {
                        return {
                          mount(target) {
                            const host = typeof target === 'string' ? document.querySelector(target) : target;
                            const box = document.createElement('fieldset');
                            box.className = 'standin-payment-element';
                            const legend = document.createElement('legend');
                            legend.textContent = 'Test card (local Stripe stand-in)';
                            box.appendChild(legend);
                            CARDS.forEach(([id, label], i) => {
                              const row = document.createElement('label');
                              const input = document.createElement('input');
                              input.type = 'radio'; input.name = 'standin-card'; input.value = id; input.checked = i === 0;
                              input.dataset.testid = 'test-card-' + id;
                              input.addEventListener('change', () => { state.method = id; });
                              row.appendChild(input);
                              row.appendChild(document.createTextNode(' ' + label));
                              box.appendChild(row);
                            });
                            host.replaceChildren(box);
                          },
                          on() {},
                          destroy() {},
                        };
                      },
                    };
                  },
                  async confirmPayment({ elements }) {
                    const secret = elements._state.clientSecret;
                    const id = secret.split('_secret_')[0];
                    const response = await fetch('/stripe/v1/payment_intents/' + encodeURIComponent(id) + '/confirm', {
                      method: 'POST',
                      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer ' + publishableKey },
                      body: new URLSearchParams({ client_secret: secret, payment_method: elements._state.method }),
                    });
                    const body = await response.json();
                    return response.ok ? { paymentIntent: body } : { error: body.error };
                  },
                };
              };
            })();
            """;
}
