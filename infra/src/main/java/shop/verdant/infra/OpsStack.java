package shop.verdant.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.contract.TableSpec;
import shop.verdant.infra.constructs.FunctionGroupStack;
import shop.verdant.infra.constructs.ShopFunction;
import shop.verdant.infra.constructs.StreamConsumer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What the engineer on call sees: one alarm topic, alarms on the API (5xx rate, p99 latency per function
 * group), on every function (errors, throttles), on every stream consumer (failure-queue depth, iterator
 * age), on every table (throttled requests) and on Redis (memory, CPU), and one dashboard of the same.
 */
public final class OpsStack extends Stack {

    public record Props(ApiStack api, DataStack data, CacheStack cache, AnalyticsStack analytics) {
    }

    /** p99 latency above which a group's routes alarm, in milliseconds (API Gateway's Latency metric). */
    static final int P99_LATENCY_MS = 1500;
    /** 5xx answers per request above which the API alarms. */
    static final double SERVER_ERROR_RATE = 0.01;

    private final Topic alarms;
    private final List<software.amazon.awscdk.NestedStack> groupAlarms = new ArrayList<>();

    public OpsStack(Construct scope, String id, StackProps props, Props deps) {
        super(scope, id, props);
        alarms = Topic.Builder.create(this, "Alarms")
                .displayName("Verdant alarms")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName("Verdant").build();
        dashboard.addWidgets(TextWidget.Builder.create().markdown("# Verdant\nAPI, functions, streams, tables, cache. "
                + "Alarms go to the Verdant alarms topic.").width(24).height(2).build());

        String apiName = deps.api().api().getRestApiName();
        MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).build();
        Metric requests = apiMetric(apiName, "Count", "Sum");
        Metric errors5xx = apiMetric(apiName, "5XXError", "Sum");
        MathExpression errorRate = MathExpression.Builder.create().expression("IF(requests > 0, errors / requests, 0)")
                .usingMetrics(Map.of("requests", requests, "errors", errors5xx)).period(Duration.minutes(5))
                .label("5xx per request").build();
        alarm("Api5xxRate", errorRate, SERVER_ERROR_RATE, "more than 1% of API requests answered 5xx over 5 minutes");
        dashboard.addWidgets(graph("API requests and 5xx", requests, errors5xx), graph("API 5xx rate", errorRate));

        // the tracking pipeline: a stream that stops delivering, or delivers late, is marketing's data going missing
        List<IMetric> freshness = new ArrayList<>();
        for (shop.verdant.infra.constructs.DeliveryStream stream : deps.analytics().streams()) {
            String name = stream.getNode().getId();
            Alarm failing = Alarm.Builder.create(this, name + "DeliveryFailing")
                    .metric(stream.metric("DeliveryToAmazonOpenSearchService.Success", "Average"))
                    .threshold(0.99).evaluationPeriods(3).datapointsToAlarm(2)
                    .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .alarmDescription(name + ": fewer than 99% of records reached OpenSearch (the rest are in the S3 backup)")
                    .build();
            failing.addAlarmAction(new SnsAction(alarms));
            IMetric fresh = stream.metric("DeliveryToAmazonOpenSearchService.DataFreshness", "Maximum");
            freshness.add(fresh);
            alarm(name + "Stale", fresh, 900, name + ": the oldest record waiting is more than 15 minutes old");
        }
        dashboard.addWidgets(graph("Tracking: seconds from event to OpenSearch (max)", freshness));
        // events the handlers dropped (schema: most often a client without X-Visitor-Id; a failing sink), per group
        List<IMetric> dropped = new ArrayList<>();
        for (var group : shop.verdant.contract.Contract.GROUPS) {
            if (group.needs(shop.verdant.contract.Need.BEHAVIOUR_LOG)) {
                Metric m = Metric.Builder.create().namespace("Verdant").metricName("BehaviourEventsDropped")
                        .dimensionsMap(Map.of("Service", "verdant-" + group.name()))
                        .statistic("Sum").period(Duration.minutes(5)).build();
                dropped.add(m);
                alarm(capitalized(group.name()) + "BehaviourEventsDropped", m, DROPPED_EVENTS,
                        group.name() + ": more than " + DROPPED_EVENTS + " behaviour events dropped in 5 minutes (a client "
                                + "without X-Visitor-Id, or events breaking the schema after a deploy)");
            }
        }
        dashboard.addWidgets(graph("Tracking: behaviour events dropped", dropped));

        for (FunctionGroupStack groupStack : deps.api().groupStacks()) {
            // each group's alarms in a nested stack of their own, so the alarms grow with the contract without
            // crowding this stack toward CloudFormation's resource limit
            String group = groupStack.getNode().getId();
            software.amazon.awscdk.NestedStack own = new software.amazon.awscdk.NestedStack(this, group + "Alarms");
            groupAlarms.add(own);
            List<IMetric> latencies = new ArrayList<>();
            List<IMetric> fnErrors = new ArrayList<>();
            for (ShopFunction fn : groupStack.functions()) {
                String name = fn.getNode().getId();
                fnErrors.add(fn.function().metricErrors(fiveMinutes));
                alarm(own, name + "Errors", fn.function().metricErrors(fiveMinutes), 1, name + " failed");
                alarm(own, name + "Throttles", fn.function().metricThrottles(fiveMinutes), 1, name + " was throttled");
            }
            for (var route : groupStack.routes()) {
                latencies.add(Metric.Builder.create().namespace("AWS/ApiGateway").metricName("Latency")
                        .dimensionsMap(Map.of("ApiName", apiName, "Stage", "prod", "Method", route.method(),
                                "Resource", route.path()))
                        .statistic("p99").period(Duration.minutes(5)).build());
            }
            // an alarm's expression may name at most 10 metrics: one alarm per 10 routes of the group
            for (int from = 0, part = 1; from < latencies.size(); from += 10, part++) {
                List<IMetric> some = latencies.subList(from, Math.min(latencies.size(), from + 10));
                MathExpression p99 = MathExpression.Builder.create().expression("MAX([" + ids(some.size(), "l") + "])")
                        .usingMetrics(named(some, "l")).period(Duration.minutes(5)).label(group + " p99 latency").build();
                alarm(own, group + "P99Latency" + (part == 1 ? "" : part), p99, P99_LATENCY_MS,
                        group + " routes: p99 latency over " + P99_LATENCY_MS + " ms");
                dashboard.addWidgets(graph(group + ": p99 latency (ms)", p99));
            }
            dashboard.addWidgets(graph(group + ": function errors", fnErrors));
            for (StreamConsumer consumer : groupStack.consumers()) {
                String name = consumer.getNode().getScope().getNode().getId();
                alarm(own, name + "FailedRecords", consumer.failures().metricApproximateNumberOfMessagesVisible(fiveMinutes), 1,
                        name + ": stream records failed every retry (see its failure queue)");
                alarm(own, name + "IteratorAge", consumer.target().metric("IteratorAge", MetricOptions.builder()
                        .statistic("Maximum").period(Duration.minutes(5)).build()), 60_000,
                        name + " is more than a minute behind its stream");
            }
            for (var trigger : groupStack.bucketTriggers()) {
                String name = trigger.getNode().getScope().getNode().getId();
                alarm(own, name + "FailedEvents", trigger.failures().metricApproximateNumberOfMessagesVisible(fiveMinutes), 1,
                        name + ": bucket events failed every retry (see its failure queue); those uploads stay pending");
            }
        }

        // Payments: business metrics the payments functions write (EMF, namespace Verdant, service dimension)
        Metric forged = paymentsMetric("WebhookSignatureFailures");
        Metric mismatches = paymentsMetric("PaymentMismatches");
        Metric unknown = paymentsMetric("WebhookUnknownPayments");
        Metric unavailable = paymentsMetric("PaymentProviderUnavailable");
        alarm("WebhookSignatureFailures", forged, WEBHOOK_SIGNATURE_FAILURES,
                "Stripe webhooks failing signature checks: a forgery attempt, or the signing secret was rolled without updating it");
        alarm("PaymentMismatches", mismatches, 1,
                "a payment's amount, currency, order or mode differs from what Stripe reports: not applied, investigate");
        alarm("PaymentProviderUnavailable", unavailable, 5, "Stripe unreachable or failing for shoppers starting payments");
        dashboard.addWidgets(graph("Payments: webhook signature failures, mismatches, unknown payments", forged, mismatches, unknown),
                graph("Payments: provider unavailable", unavailable));

        List<IMetric> throttled = new ArrayList<>();
        for (Map.Entry<TableSpec, ITable> e : deps.data().tables().entrySet()) {
            Metric t = Metric.Builder.create().namespace("AWS/DynamoDB").metricName("ThrottledRequests")
                    .dimensionsMap(Map.of("TableName", e.getValue().getTableName()))
                    .statistic("Sum").period(Duration.minutes(5)).build();
            throttled.add(t);
            alarm(e.getKey().logicalName() + "Throttled", t, 1, e.getKey().logicalName() + " table throttled requests");
        }
        dashboard.addWidgets(graph("DynamoDB throttled requests", throttled));

        Metric memory = cacheMetric(deps.cache(), "DatabaseMemoryUsagePercentage");
        Metric cpu = cacheMetric(deps.cache(), "EngineCPUUtilization");
        alarm("RedisMemory", memory, 80, "Redis memory above 80%: the catalog snapshot is outgrowing the node");
        alarm("RedisCpu", cpu, 75, "Redis engine CPU above 75%");
        dashboard.addWidgets(graph("Redis memory %", memory), graph("Redis engine CPU %", cpu));
    }

    /** Dropped behaviour events per 5 minutes and group above which on-call hears of it (bots send no visitor id). */
    static final int DROPPED_EVENTS = 500;

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Signature failures per 5 minutes above which the webhook alarms (Stripe itself never sends a bad one). */
    static final int WEBHOOK_SIGNATURE_FAILURES = 5;

    static Metric paymentsMetric(String name) {
        return Metric.Builder.create().namespace("Verdant").metricName(name)
                .dimensionsMap(Map.of("Service", "verdant-" + shop.verdant.contract.PaymentsContract.GROUP.name()))
                .statistic("Sum").period(Duration.minutes(5)).build();
    }

    private static Metric apiMetric(String apiName, String name, String statistic) {
        return Metric.Builder.create().namespace("AWS/ApiGateway").metricName(name)
                .dimensionsMap(Map.of("ApiName", apiName, "Stage", "prod"))
                .statistic(statistic).period(Duration.minutes(5)).build();
    }

    private static Metric cacheMetric(CacheStack cache, String name) {
        return Metric.Builder.create().namespace("AWS/ElastiCache").metricName(name)
                .dimensionsMap(Map.of("ReplicationGroupId", cache.replicationGroupId()))
                .statistic("Maximum").period(Duration.minutes(5)).build();
    }

    private static String ids(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return String.join(",", ids);
    }

    private static Map<String, IMetric> named(List<IMetric> metrics, String prefix) {
        Map<String, IMetric> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            out.put(prefix + i, metrics.get(i));
        }
        return out;
    }

    private void alarm(String id, IMetric metric, double threshold, String description) {
        alarm(this, id, metric, threshold, description);
    }

    private void alarm(Construct scope, String id, IMetric metric, double threshold, String description) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(new SnsAction(alarms));
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return graph(title, List.of(metrics));
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).height(6).build();
    }

    /** The function groups' alarms, one nested stack per group stack. */
    public List<software.amazon.awscdk.NestedStack> groupAlarms() {
        return List.copyOf(groupAlarms);
    }

    public Topic alarms() {
        return alarms;
    }

}
