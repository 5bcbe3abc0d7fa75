package shop.verdant.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the tracking needs inside OpenSearch, from the files of this module, applied on every deploy (and at
 * the local shop's start): the index templates and retention policies ({@link TrackingIndices}); on the OpenSearch
 * Service domain also the fine-grained access control roles and who holds them (Firehose writes, the insights
 * functions read, marketing and admins read in Dashboards), and the Dashboards saved objects (index patterns,
 * visualizations, one dashboard per insight), overwritten by id so a re-deploy updates them.
 */
public final class TrackingSetup {
    /** IAM role ARNs by what they do. */
    public record Access(List<String> writers, List<String> readers, List<String> dashboards) {
        public Access {
            writers = List.copyOf(writers);
            readers = List.copyOf(readers);
            dashboards = List.copyOf(dashboards);
        }
    }

    private TrackingSetup() {
    }

    /** The templates and policies only (an engine without the security plugin or Dashboards: the local one). */
    public static List<String> indices(OpenSearchHttp http) {
        return TrackingIndices.apply(http);
    }

    /** All of it, as the domain's master user. */
    public static List<String> domain(OpenSearchHttp master, Access access) {
        List<String> applied = new ArrayList<>(TrackingIndices.apply(master));
        JsonNode roles = OpenSearchHttp.JSON.valueToTree(read("security/roles.json"));
        for (Iterator<Map.Entry<String, JsonNode>> it = roles.fields(); it.hasNext(); ) {
            var role = it.next();
            master.send("PUT", "_plugins/_security/api/roles/" + role.getKey(), role.getValue().toString(), "application/json", false);
            applied.add("role " + role.getKey());
        }
        map(master, "verdant_tracking_writer", access.writers(), applied);
        map(master, "verdant_insights_reader", access.readers(), applied);
        map(master, "verdant_marketing", access.dashboards(), applied);
        // Dashboards itself (the saved objects, the tenant): the built-in role for its users
        map(master, "kibana_user", access.dashboards(), applied);
        importSavedObjects(master);
        applied.add("dashboards " + savedObjectCount() + " saved objects");
        return applied;
    }

    private static void map(OpenSearchHttp master, String role, List<String> backendRoles, List<String> applied) {
        master.send("PUT", "_plugins/_security/api/rolesmapping/" + role,
                OpenSearchHttp.write(Map.of("backend_roles", new ArrayList<>(new LinkedHashSet<>(backendRoles)))),
                "application/json", false);
        applied.add("mapping " + role + " <- " + backendRoles.size() + " roles");
    }

    /** POST _dashboards/api/saved_objects/_import?overwrite=true with the ndjson as a multipart file. */
    static void importSavedObjects(OpenSearchHttp master) {
        String boundary = "verdant-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"saved-objects.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n"
                + TrackingIndices.resource("dashboards/saved-objects.ndjson") + "\r\n"
                + "--" + boundary + "--\r\n";
        JsonNode answer = master.send("POST", "_dashboards/api/saved_objects/_import?overwrite=true", body,
                "multipart/form-data; boundary=" + boundary, false, Map.of("osd-xsrf", "true"));
        if (!answer.path("success").asBoolean(false)) {
            throw new IllegalStateException("Dashboards refused saved objects: " + answer.path("errors"));
        }
    }

    static long savedObjectCount() {
        return TrackingIndices.resource("dashboards/saved-objects.ndjson").lines().filter(l -> !l.isBlank()).count();
    }

    private static Object read(String path) {
        try {
            return OpenSearchHttp.JSON.readValue(TrackingIndices.resource(path), Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
