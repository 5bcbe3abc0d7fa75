package shop.verdant.adapter.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking indices as a product, from the files versioned in this module ({@code opensearch/}): index
 * templates with strict mappings for {@code behaviour-*} and {@code access-logs-*}, and an Index State Management
 * policy per family (behaviour 395 days, access logs 30 days). Applying is idempotent (PUT of the same bodies).
 */
public final class TrackingIndices {
    public static final String BEHAVIOUR = "behaviour";
    public static final String ACCESS_LOGS = "access-logs";
    public static final List<String> FAMILIES = List.of(BEHAVIOUR, ACCESS_LOGS);

    private TrackingIndices() {
    }

    public static String resource(String path) {
        try (InputStream in = TrackingIndices.class.getResourceAsStream("/opensearch/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource opensearch/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts both index templates, and both retention policies where the engine has Index State Management (the
     * OpenSearch Service does; the in-process local engine has no plugins). Returns what was applied.
     */
    public static List<String> apply(OpenSearchHttp http) {
        List<String> applied = new ArrayList<>();
        for (String family : FAMILIES) {
            http.send("PUT", "_index_template/" + family, resource("templates/" + family + ".json"), "application/json", false);
            applied.add("template " + family);
        }
        boolean ism = http.send("GET", "_cat/plugins?format=json", null, "application/json", false).toString()
                .contains("opensearch-index-management");
        if (ism) {
            for (String family : FAMILIES) {
                String id = family + "-retention";
                var existing = http.send("GET", "_plugins/_ism/policies/" + id, null, "application/json", true);
                String query = existing == null ? "" : "?if_seq_no=" + existing.path("_seq_no").asLong()
                        + "&if_primary_term=" + existing.path("_primary_term").asLong();
                http.send("PUT", "_plugins/_ism/policies/" + id + query, resource("ism/" + id + ".json"), "application/json", false);
                applied.add("policy " + id);
            }
        }
        return applied;
    }
}
