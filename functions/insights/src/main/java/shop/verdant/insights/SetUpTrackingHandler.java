package shop.verdant.insights;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.opensearch.TrackingSetup;
import shop.verdant.adapter.secrets.SecretsExtensionSecrets;
import shop.verdant.config.Env;
import shop.verdant.contract.Need;
import shop.verdant.http.Json;
import shop.verdant.http.Log;

/**
 * The deploy hook of the tracking indices: a CloudFormation custom resource on AWS (the answer goes to the request's
 * pre-signed ResponseURL, SUCCESS or FAILED with the reason, so a deploy never hangs on it), a call at start in the
 * local shop. Create and Update apply {@link TrackingSetup}; Delete keeps everything, since the indices hold data.
 * Resource properties: {@code WriterRoles}, {@code ReaderRoles}, {@code DashboardsRoles} (IAM role ARNs).
 */
public final class SetUpTrackingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "SetUpTracking");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("PhysicalResourceId", "verdant-tracking-setup");
        try {
            String type = String.valueOf(event.get("RequestType"));
            List<String> applied = type.equals("Delete") ? List.of("nothing: the indices and dashboards are kept")
                    : apply(properties(event));
            answer.put("Status", "SUCCESS");
            answer.put("Data", Map.of("Applied", String.join("; ", applied)));
            Log.info("tracking set up", Map.of("applied", applied));
        } catch (RuntimeException e) {
            Log.error("tracking setup failed", e);
            answer.put("Status", "FAILED");
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            answer.put("Reason", reason.substring(0, Math.min(400, reason.length())));
        } finally {
            Log.done();
        }
        respond(event, answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> event) {
        Object p = event.get("ResourceProperties");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> apply(Map<String, Object> properties) {
        String url = Env.get("OPENSEARCH_URL", "http://127.0.0.1:9200");
        if (!"aws".equals(Env.get("OPENSEARCH_SIGNING", "none"))) {
            return TrackingSetup.indices(OpenSearchHttp.unsigned(url));
        }
        Map<?, ?> master = Json.read(SecretsExtensionSecrets.fromEnvironment().get(Need.OPENSEARCH_ADMIN.secretName()), Map.class);
        return TrackingSetup.domain(OpenSearchHttp.basicAuth(url, String.valueOf(master.get("username")),
                        String.valueOf(master.get("password"))),
                new TrackingSetup.Access(roles(properties, "WriterRoles"), roles(properties, "ReaderRoles"),
                        roles(properties, "DashboardsRoles")));
    }

    private static List<String> roles(Map<String, Object> properties, String name) {
        Object v = properties.get(name);
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** CloudFormation's answer: a PUT of the result to the pre-signed URL it sent (none locally). */
    private static void respond(Map<String, Object> event, Map<String, Object> answer) {
        Object url = event.get("ResponseURL");
        if (url == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(answer);
        body.put("StackId", event.get("StackId"));
        body.put("RequestId", event.get("RequestId"));
        body.put("LogicalResourceId", event.get("LogicalResourceId"));
        body.putIfAbsent("Reason", "See the function's log");
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            Log.warn("CloudFormation's response URL did not take the answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
