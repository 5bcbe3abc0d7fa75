package shop.verdant.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.domain.tracking.Visit;

/**
 * The versioned OpenSearch objects agree with each other and with the code: every field a visualization or a
 * dashboard query uses is mapped in its index pattern's template, every document the code writes fits the strict
 * mapping, and every dashboard's panels exist.
 */
class TrackingIndicesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Field path → type, from a template's mapping. */
    static Map<String, String> fields(String family) throws Exception {
        JsonNode props = JSON.readTree(TrackingIndices.resource("templates/" + family + ".json")).at("/template/mappings/properties");
        Map<String, String> out = new HashMap<>();
        collect("", props, out);
        return out;
    }

    private static void collect(String prefix, JsonNode props, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().has("properties")) {
                collect(prefix + e.getKey() + ".", e.getValue().get("properties"), out);
            } else {
                out.put(prefix + e.getKey(), e.getValue().path("type").asText());
            }
        }
    }

    static List<JsonNode> savedObjects() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : TrackingIndices.resource("dashboards/saved-objects.ndjson").split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** kuery field names: {@code name:value}, {@code name > 1}. */
    static final Pattern KUERY_FIELD = Pattern.compile("([A-Za-z@][\\w.]*)\\s*(?::|>=|<=|>|<)");

    @Test
    void everyFieldAVisualizationUsesIsMapped() throws Exception {
        Map<String, Map<String, String>> byPattern = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (JsonNode o : savedObjects()) {
            if (o.get("type").asText().equals("index-pattern")) {
                String family = o.at("/attributes/title").asText().replace("-*", "");
                byPattern.put(o.get("id").asText(), fields(family));
                titles.put(o.get("id").asText(), o.at("/attributes/timeFieldName").asText());
            }
        }
        assertThat(byPattern).containsOnlyKeys("behaviour", "access-logs");
        titles.forEach((id, timeField) -> assertThat(byPattern.get(id)).containsEntry(timeField, "date"));
        int checked = 0;
        for (JsonNode o : savedObjects()) {
            if (!o.get("type").asText().equals("visualization")) {
                continue;
            }
            String pattern = o.at("/references/0/id").asText();
            Map<String, String> mapped = byPattern.get(pattern);
            assertThat(mapped).as(o.get("id") + " refers to a known index pattern").isNotNull();
            JsonNode vis = JSON.readTree(o.at("/attributes/visState").asText());
            List<String> used = new ArrayList<>();
            for (JsonNode agg : vis.get("aggs")) {
                if (agg.at("/params/field").isTextual()) {
                    used.add(agg.at("/params/field").asText());
                }
                for (JsonNode f : agg.at("/params/filters")) {
                    used.addAll(kueryFields(f.at("/input/query").asText()));
                }
            }
            JsonNode source = JSON.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
            used.addAll(kueryFields(source.at("/query/query").asText()));
            for (String field : used) {
                assertThat(mapped).as(o.get("id").asText() + " uses " + field).containsKey(field);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    static Set<String> kueryFields(String query) {
        Set<String> out = new HashSet<>();
        Matcher m = KUERY_FIELD.matcher(query);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyDashboardPanelExistsAndEachInsightHasADashboard() throws Exception {
        Set<String> visualizations = new HashSet<>();
        List<JsonNode> dashboards = new ArrayList<>();
        for (JsonNode o : savedObjects()) {
            if (o.get("type").asText().equals("visualization")) {
                visualizations.add(o.get("id").asText());
            } else if (o.get("type").asText().equals("dashboard")) {
                dashboards.add(o);
            }
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode d : dashboards) {
            ids.add(d.get("id").asText());
            JsonNode panels = JSON.readTree(d.at("/attributes/panelsJSON").asText());
            assertThat(panels.size()).isEqualTo(d.get("references").size());
            d.get("references").forEach(r -> assertThat(visualizations).contains(r.get("id").asText()));
        }
        assertThat(ids).contains("insight-search-terms", "insight-zero-results", "insight-top-viewed", "insight-filters",
                "insight-funnel");
    }

    @Test
    void everyDocumentTheCodeWritesFitsTheStrictMapping() throws Exception {
        Map<String, String> mapped = fields(TrackingIndices.BEHAVIOUR);
        Visit visit = new Visit("visitor-0001", "session-0001", "user-sub-0001");
        List<BehaviourEvent.Detail> details = List.of(
                new BehaviourEvent.Search("bamboo", List.of("brand"), List.of("brand=x"), "relevance", 1, 3),
                new BehaviourEvent.ProductEvent(EventType.CART_ADD, "p-1", "Soap", "c-1", 1),
                new BehaviourEvent.Checkout(2, Money.of(100, "EUR")),
                new BehaviourEvent.OrderEvent(EventType.ORDER_PAID, "order-00000001", 2, Money.of(100, "EUR")),
                new BehaviourEvent.Identify());
        Set<String> written = new HashSet<>();
        for (BehaviourEvent.Detail d : details) {
            flatten("", new BehaviourEvent("event-000000001", java.time.Instant.now(), visit, d).document(), written);
        }
        assertThat(mapped.keySet()).containsAll(written);
        Map<String, String> access = fields(TrackingIndices.ACCESS_LOGS);
        assertThat(access.keySet()).containsExactlyInAnyOrderElementsOf(shop.verdant.contract.AccessLogFormat.ORDER);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> doc, Set<String> out) {
        doc.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                flatten(prefix + k + ".", (Map<String, Object>) m, out);
            } else {
                out.add(prefix + k);
            }
        });
    }

    @Test
    void retentionPoliciesCoverTheirFamilies() throws Exception {
        for (String family : TrackingIndices.FAMILIES) {
            JsonNode policy = JSON.readTree(TrackingIndices.resource("ism/" + family + "-retention.json")).get("policy");
            assertThat(policy.at("/ism_template/0/index_patterns/0").asText()).isEqualTo(family + "-*");
            assertThat(policy.at("/states/1/actions/0").has("delete")).isTrue();
        }
    }
}
