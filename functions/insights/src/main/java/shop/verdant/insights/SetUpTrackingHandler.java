package shop.verdant.insights;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.opensearch.TrackingSetup;
import shop.verdant.adapter.secrets.SecretsExtensionSecrets;
import shop.verdant.config.Env;
import shop.verdant.contract.Need;
import shop.verdant.http.DeployHookResponse;
import shop.verdant.http.Json;

/**
 * The deploy hook of the tracking indices: a CloudFormation custom resource on AWS, a call at start in the local
 * shop. Create and Update apply {@link TrackingSetup}; Delete keeps everything, since the indices hold data.
 * Resource properties: {@code WriterRoles}, {@code ReaderRoles}, {@code DashboardsRoles} (IAM role ARNs).
 */
public final class SetUpTrackingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return DeployHookResponse.run("SetUpTracking", event, context, () -> apply(DeployHookResponse.properties(event)));
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
}
