package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every deploy hook shares: run its work on Create and Update (Delete keeps what it set up), answer SUCCESS or
 * FAILED with the reason, and on AWS put that answer to CloudFormation's pre-signed ResponseURL, so a deploy never
 * waits on a hook that failed. The answer is also returned (the local shop reads it).
 */
public final class DeployHookResponse {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeployHookResponse() {
    }

    public static Map<String, Object> run(String name, Map<String, Object> event, Context context, Supplier<List<String>> work) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("PhysicalResourceId", "verdant-" + name);
        try {
            List<String> applied = "Delete".equals(String.valueOf(event.get("RequestType")))
                    ? List.of("nothing: what it set up is kept") : work.get();
            answer.put("Status", "SUCCESS");
            answer.put("Data", Map.of("Applied", String.join("; ", applied)));
            Log.info(name + " done", Map.of("applied", applied));
        } catch (RuntimeException e) {
            Log.error(name + " failed", e);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            answer.put("Status", "FAILED");
            answer.put("Reason", reason.substring(0, Math.min(400, reason.length())));
        } finally {
            Log.done();
        }
        respond(event, answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> event) {
        Object p = event.get("ResourceProperties");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
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
