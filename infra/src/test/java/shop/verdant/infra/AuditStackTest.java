package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;
import shop.verdant.contract.Tables;

/**
 * The audit log in the templates: the audited tables stream into one Kinesis data stream; its one reader writes the
 * AuditLog table and may only add to it; no other function may write it, and no role anywhere may change or delete an
 * entry; the table outlives its stack.
 */
class AuditStackTest {

    private static List<Template> everyTemplate() {
        List<Template> all = new ArrayList<>(Synth.functionTemplates());
        all.addAll(List.of(Synth.DATA, Synth.CACHE, Synth.API, Synth.EDGE, Synth.SITE, Synth.OPS, Synth.ANALYTICS));
        all.addAll(Synth.GROUP_ALARMS);
        return all;
    }

    @Test
    void everyAuditedTableWritesItsChangesToTheChangeFeed_andNoOtherDoes() {
        var tables = Synth.DATA.findResources("AWS::DynamoDB::Table");
        assertThat(Synth.DATA.findResources("AWS::Kinesis::Stream")).hasSize(1);
        Set<String> audited = new java.util.HashSet<>();
        Tables.AUDITED.keySet().forEach(spec -> audited.add(spec.logicalName()));
        tables.forEach((id, table) -> {
            String logical = Tables.ALL.stream().map(s -> s.logicalName()).filter(id::startsWith)
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            Object spec = Synth.props(table).get("KinesisStreamSpecification");
            if (audited.contains(logical)) {
                assertThat(String.valueOf(spec)).as(logical).contains("ChangeFeed");
            } else {
                assertThat(spec).as(logical + " is not audited").isNull();
            }
        });
        Map<String, Object> log = tables.entrySet().stream().filter(e -> e.getKey().startsWith("AuditLog")).findFirst().orElseThrow().getValue();
        assertThat(log).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(Synth.props(log)).containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .doesNotContainKey("TimeToLiveSpecification");
    }

    @Test
    void theAuditWriterReadsTheFeedWithRetriesAndAFailureQueue() {
        var mappings = Synth.resources(Synth.functionTemplates(), "AWS::Lambda::EventSourceMapping").values().stream()
                .map(Synth::props).filter(p -> String.valueOf(p.get("EventSourceArn")).contains("ChangeFeed")).toList();
        assertThat(mappings).hasSize(1);
        Map<String, Object> m = mappings.get(0);
        assertThat(String.valueOf(m.get("FunctionName"))).contains("RecordAudit");
        assertThat(m).containsEntry("StartingPosition", "TRIM_HORIZON").containsEntry("BisectBatchOnFunctionError", true)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        assertThat(String.valueOf(m.get("DestinationConfig"))).contains("OnFailure");
    }

    @Test
    void onlyTheAuditWriterMayWriteTheLog_onlyByAddingEntries_andNobodyMayChangeOrDeleteOne() {
        List<String> writers = new ArrayList<>();
        for (Template t : everyTemplate()) {
            t.findResources("AWS::IAM::Policy").forEach((id, policy) -> statements(policy).forEach(st -> {
                String resources = String.valueOf(st.get("Resource"));
                List<String> actions = st.get("Action") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(st.get("Action")));
                if (resources.contains("AuditLog") || resources.equals("*")) {
                    assertThat(actions).as(id + " on " + resources).noneMatch(a -> a.equals("dynamodb:UpdateItem")
                            || a.equals("dynamodb:DeleteItem") || a.equals("dynamodb:BatchWriteItem") || a.equals("dynamodb:*")
                            || a.equals("*") || a.equals("dynamodb:PartiQLUpdate") || a.equals("dynamodb:PartiQLDelete"));
                }
                if (resources.contains("AuditLog") && actions.stream().anyMatch(a -> a.equals("dynamodb:PutItem"))) {
                    writers.add(id);
                    assertThat(actions).as("the writer adds entries and does nothing else").containsExactly("dynamodb:PutItem");
                }
            }));
        }
        assertThat(writers).hasSize(1).allMatch(id -> id.startsWith("RecordAuditRole"));
        assertThat(Synth.statementsOf("ListAudit", "dynamodb:").toString()).contains("AuditLog").doesNotContain("PutItem");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) ((Map<String, Object>) Synth.props(policy).get("PolicyDocument")).get("Statement");
    }
}
