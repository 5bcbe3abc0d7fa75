package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.BehaviourLog;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Need;
import shop.verdant.contract.Trigger;
import software.amazon.awscdk.assertions.Match;

/** The tracking pipeline as deployed: streams into OpenSearch, who feeds them, who reads the indices, and the alarms. */
class TrackingPipelineTest {

    @Test
    void threeStreamsDeliverIntoDailyIndicesWithTheFailedDocumentsInS3() {
        Synth.ANALYTICS.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 3);
        for (var stream : List.of(List.of(AnalyticsStack.ACCESS_LOG_STREAM, "access-logs"), List.of(AnalyticsStack.BEHAVIOUR_LOG_STREAM,
                "behaviour"), List.of(AnalyticsStack.BEHAVIOUR_DIRECT_STREAM, "behaviour"))) {
            Synth.ANALYTICS.hasResourceProperties("AWS::KinesisFirehose::DeliveryStream", Match.objectLike(Map.of(
                    "DeliveryStreamName", stream.get(0),
                    "DeliveryStreamType", "DirectPut",
                    "DeliveryStreamEncryptionConfigurationInput", Map.of("KeyType", "AWS_OWNED_CMK"),
                    "AmazonopensearchserviceDestinationConfiguration", Match.objectLike(Map.of(
                            "IndexName", stream.get(1),
                            "IndexRotationPeriod", "OneDay",
                            "BufferingHints", Map.of("IntervalInSeconds", AnalyticsStack.BUFFER_SECONDS, "SizeInMBs", 5),
                            "S3BackupMode", "FailedDocumentsOnly",
                            "S3Configuration", Match.objectLike(Map.of("Prefix", stream.get(1) + "/", "CompressionFormat", "GZIP")),
                            "CloudWatchLoggingOptions", Match.objectLike(Map.of("Enabled", true)),
                            "VpcConfiguration", Match.objectLike(Map.of("SubnetIds", Match.anyValue())))))));
        }
        assertThat(AnalyticsStack.ACCESS_LOG_STREAM).startsWith("amazon-apigateway-");
        // only the stream fed by log subscriptions unpacks CloudWatch Logs batches
        Synth.ANALYTICS.hasResourceProperties("AWS::KinesisFirehose::DeliveryStream", Match.objectLike(Map.of(
                "DeliveryStreamName", AnalyticsStack.BEHAVIOUR_LOG_STREAM,
                "AmazonopensearchserviceDestinationConfiguration", Match.objectLike(Map.of("ProcessingConfiguration", Map.of(
                        "Enabled", true, "Processors", List.of(
                                Map.of("Type", "Decompression", "Parameters", List.of(Map.of("ParameterName", "CompressionFormat",
                                        "ParameterValue", "GZIP"))),
                                Map.of("Type", "CloudWatchLogProcessing", "Parameters", List.of(Map.of("ParameterName",
                                        "DataMessageExtraction", "ParameterValue", "true"))))))))));
        assertThat(Synth.ANALYTICS.findResources("AWS::KinesisFirehose::DeliveryStream").toString()
                .split("ProcessingConfiguration", -1)).hasSize(2);
        Synth.ANALYTICS.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 30, "Status", "Enabled")))))));
    }

    @Test
    void everyFunctionThatEmitsBehaviourLinesIsSubscribedAndNoOtherIs() {
        long emitting = Contract.TRIGGERS.stream().map(Trigger::handler).filter(h -> h.needs().contains(Need.BEHAVIOUR_LOG))
                .filter(h -> !(Contract.TRIGGERS.stream().anyMatch(t -> t.handler() == h && t instanceof shop.verdant.contract.CognitoTrigger)))
                .count();
        var filters = Synth.resources(Synth.functionTemplates(), "AWS::Logs::SubscriptionFilter");
        assertThat(filters).hasSize((int) emitting);
        assertThat(emitting).isGreaterThanOrEqualTo(10);
        filters.values().forEach(f -> {
            var p = Synth.props(f);
            assertThat(p.get("FilterPattern")).isEqualTo(BehaviourLog.FILTER_PATTERN);
            assertThat(p.get("DestinationArn").toString()).contains("BehaviourLogStream");
            assertThat(p.get("RoleArn").toString()).contains("LogsToFirehose");
        });
        Synth.GROUPS.get("Catalog").hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("BEHAVIOUR_SINK", "log"))))));
    }

    @Test
    void onlyTheOrdersStreamConsumerPutsRecordsAndOnlyTheInsightsReadTheIndices() {
        String everything = Synth.functionTemplates().stream().map(t -> t.toJSON().toString()).reduce("", String::concat);
        Map<String, Map<String, Object>> policies = Synth.resources(Synth.functionTemplates(), "AWS::IAM::Policy");
        int putters = 0;
        int readers = 0;
        for (var e : policies.entrySet()) {
            String policy = e.getValue().toString();
            if (policy.contains("firehose:")) {
                putters++;
                assertThat(e.getKey()).startsWith("TrackOrders");
                assertThat(policy).contains("firehose:PutRecordBatch").contains("BehaviourDirectStream").doesNotContain("firehose:*");
            }
            if (policy.contains("es:ESHttp")) {
                readers++;
                assertThat(e.getKey()).containsPattern("Insight");
                assertThat(policy).contains("es:ESHttpGet", "es:ESHttpPost", "/behaviour-*").doesNotContain("ESHttpPut", "ESHttpDelete");
            }
        }
        assertThat(putters).isEqualTo(1);
        assertThat(readers).isEqualTo(5);
        assertThat(everything).contains("BEHAVIOUR_STREAM", "OPENSEARCH_SIGNING");
        // the readers run in the VPC beside the domain; the stream consumer does not (it calls Firehose's public API)
        var insights = Synth.GROUPS.get("Insights");
        insights.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of("VpcConfig", Match.anyValue())), 6);
        insights.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.insights.TrackOrdersHandler::handleRequest", "VpcConfig", Match.absent())));
        Synth.ANALYTICS.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "FromPort", 443, "Description", "insights functions to OpenSearch")));
    }

    @Test
    void everyDeployRunsTheSetupHookWithTheRolesItMaps() {
        var insights = Synth.GROUPS.get("Insights");
        insights.resourceCountIs("Custom::VerdantSetUpTracking", 1);
        var hook = Synth.props(insights.findResources("Custom::VerdantSetUpTracking").values().iterator().next());
        assertThat((List<?>) hook.get("ReaderRoles")).hasSize(5);
        assertThat((List<?>) hook.get("WriterRoles")).hasSize(1);
        assertThat((List<?>) hook.get("DashboardsRoles")).hasSize(2);
        assertThat(hook.get("Files").toString()).matches("[0-9a-f]{16}");
        insights.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.insights.SetUpTrackingHandler::handleRequest", "Timeout", 120,
                "VpcConfig", Match.anyValue(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("OPENSEARCH_SIGNING", "aws",
                        "OPENSEARCH_MASTER_SECRET_ARN", Match.anyValue()))))));
    }

    @Test
    void theSignInHookMayOnlyReadThePoolsClientsAndSetTheIdentityPoolsRoles() {
        var insights = Synth.GROUPS.get("Accounts");
        insights.resourceCountIs("Custom::VerdantConnectDashboardsSignIn", 1);
        insights.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.accounts.ConnectDashboardsSignInHandler::handleRequest", "VpcConfig", Match.absent(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("IDENTITY_POOL_ID", Match.anyValue(),
                        "USER_POOL_ID", Match.anyValue()))))));
        var policies = insights.findResources("AWS::IAM::Policy");
        int signIn = 0;
        for (var e : policies.entrySet()) {
            String policy = e.getValue().toString();
            if (policy.contains("cognito-identity:") || policy.contains("iam:PassRole")) {
                signIn++;
                assertThat(e.getKey()).startsWith("ConnectDashboardsSignIn");
                assertThat(policy).contains("cognito-idp:ListUserPoolClients", "cognito-identity:SetIdentityPoolRoles",
                        "cognito-identity:GetIdentityPoolRoles").doesNotContain("cognito-idp:Admin", "\"*\"");
            }
        }
        assertThat(signIn).isEqualTo(1);
    }

    @Test
    void deliveryFailuresAndStaleDataAreAlarmedOnEveryStream() {
        for (String stream : List.of("AccessLogStream", "BehaviourLogStream", "BehaviourDirectStream")) {
            Synth.OPS.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "DeliveryToAmazonOpenSearchService.Success", "Namespace", "AWS/Firehose",
                    "ComparisonOperator", "LessThanThreshold", "AlarmDescription", Match.stringLikeRegexp(stream))));
            Synth.OPS.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "DeliveryToAmazonOpenSearchService.DataFreshness", "Threshold", 900,
                    "AlarmDescription", Match.stringLikeRegexp(stream))));
        }
    }

    @Test
    void droppedEventsAreAlarmedPerEmittingGroup() {
        for (String group : List.of("catalog", "shopping")) {
            Synth.OPS.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "BehaviourEventsDropped", "Namespace", "Verdant",
                    "Dimensions", List.of(Map.of("Name", "Service", "Value", "verdant-" + group)))));
        }
        Synth.OPS.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "BehaviourEventsDropped")), 2);
    }

    @Test
    void dashboardsSignStaffInThroughCognitoAndGroupsCarryTheirRoles() {
        Synth.ANALYTICS.hasResourceProperties("AWS::OpenSearchService::Domain", Match.objectLike(Map.of(
                "CognitoOptions", Match.objectLike(Map.of("Enabled", true, "UserPoolId", Match.anyValue(),
                        "IdentityPoolId", Match.anyValue())))));
        Synth.AUTH.hasResourceProperties("AWS::Cognito::IdentityPool", Match.objectLike(Map.of(
                "AllowUnauthenticatedIdentities", false)));
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of(
                "GroupName", "marketing", "RoleArn", Match.anyValue())));
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of(
                "GroupName", "customers", "RoleArn", Match.absent())));
        // the API's stage writes its access log into the delivery stream, not a log group
        Synth.API.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of("AccessLogSetting",
                Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    }
}
