package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Contract;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.TableStream;
import shop.verdant.contract.Tables;
import shop.verdant.contract.Trigger;
import software.amazon.awscdk.assertions.Match;

class OpsStackTest {
    /** The Ops stack's alarms and those of its per-group nested stacks. */
    private static Map<String, Map<String, Object>> alarms() {
        Map<String, Map<String, Object>> all = new java.util.LinkedHashMap<>(Synth.OPS.findResources("AWS::CloudWatch::Alarm"));
        Synth.GROUP_ALARMS.forEach(t -> all.putAll(t.findResources("AWS::CloudWatch::Alarm")));
        return all;
    }

    private static void hasAlarm(String logicalIdPrefix) {
        assertThat(alarms().keySet()).as(logicalIdPrefix).anyMatch(id -> id.startsWith(logicalIdPrefix));
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        Synth.OPS.resourceCountIs("AWS::SNS::Topic", 1);
        String topic = Synth.OPS.findResources("AWS::SNS::Topic").keySet().iterator().next();
        assertThat(alarms()).isNotEmpty();
        Synth.OPS.findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> assertThat(Synth.props(alarm).get("AlarmActions"))
                .as(id).isEqualTo(java.util.List.of(Map.of("Ref", topic))));
        // a group's nested stack is handed the topic as its one parameter, and every alarm there notifies it
        assertThat(Synth.GROUP_ALARMS).isNotEmpty();
        for (var nested : Synth.GROUP_ALARMS) {
            var parameters = ((Map<?, ?>) nested.toJSON().getOrDefault("Parameters", Map.of())).keySet();
            assertThat(parameters).as("the topic").hasSize(1);
            nested.findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> assertThat(Synth.props(alarm).get("AlarmActions"))
                    .as(id).isEqualTo(java.util.List.of(Map.of("Ref", parameters.iterator().next()))));
        }
    }

    @Test
    void theApiAlarmsOn5xxRateAndEachGroupOnP99Latency() {
        hasAlarm("Api5xxRate");
        Synth.OPS.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Threshold", OpsStack.SERVER_ERROR_RATE,
                "Metrics", Match.arrayWith(java.util.List.of(Match.objectLike(Map.of(
                        "Expression", "IF(requests > 0, errors / requests, 0)")))))));
        hasAlarm("CatalogP99Latency");
        hasAlarm("ShoppingP99Latency");
    }

    @Test
    void everyFunctionAlarmsOnErrorsAndThrottles_everyConsumerOnFailuresAndLag() {
        for (Trigger t : Contract.TRIGGERS) {
            if (t instanceof CognitoTrigger) {
                continue;
            }
            hasAlarm(t.handler().functionName() + "Errors");
            hasAlarm(t.handler().functionName() + "Throttles");
            if (t instanceof TableStream) {
                hasAlarm(t.handler().functionName() + "FailedRecords");
                hasAlarm(t.handler().functionName() + "IteratorAge");
            }
        }
    }

    @Test
    void paymentsAlarmOnForgedWebhooks_moneyMismatches_andAnUnavailableProvider() {
        for (String name : java.util.List.of("WebhookSignatureFailures", "PaymentMismatches", "PaymentProviderUnavailable")) {
            Map<String, Object> alarm = alarms().entrySet().stream().filter(e -> e.getKey().startsWith(name)).findFirst()
                    .orElseThrow().getValue();
            assertThat(Synth.props(alarm)).containsEntry("Namespace", "Verdant").containsEntry("MetricName", name);
            assertThat(Synth.props(alarm).get("Dimensions").toString()).contains("verdant-payments");
        }
        hasAlarm("StripeWebhookErrors");
        hasAlarm("ReconcilePaymentsErrors");
    }

    @Test
    void everyTableAlarmsOnThrottling_andRedisOnMemoryAndCpu() {
        for (TableSpec spec : Tables.ALL) {
            hasAlarm(spec.logicalName() + "Throttled");
        }
        hasAlarm("RedisMemory");
        hasAlarm("RedisCpu");
        Synth.OPS.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String dashboard = Synth.OPS.findResources("AWS::CloudWatch::Dashboard").toString();
        assertThat(dashboard).contains("5XXError", "Latency", "ThrottledRequests", "DatabaseMemoryUsagePercentage");
    }
}
