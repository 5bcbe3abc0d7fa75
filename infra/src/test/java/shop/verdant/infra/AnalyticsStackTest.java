package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The OpenSearch domain catalog search and tracking share: private, encrypted, sized as the README prices it. */
class AnalyticsStackTest {

    @Test
    void theDomainIsInTheVpcEncryptedTls12WithFineGrainedAccessControl() {
        Synth.ANALYTICS.resourceCountIs("AWS::OpenSearchService::Domain", 1);
        Synth.ANALYTICS.hasResource("AWS::OpenSearchService::Domain", Map.of("DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "EngineVersion", "OpenSearch_2.19",
                        "EncryptionAtRestOptions", Map.of("Enabled", true),
                        "NodeToNodeEncryptionOptions", Map.of("Enabled", true),
                        "DomainEndpointOptions", Match.objectLike(Map.of("EnforceHTTPS", true,
                                "TLSSecurityPolicy", "Policy-Min-TLS-1-2-2019-07")),
                        "AdvancedSecurityOptions", Match.objectLike(Map.of("Enabled", true, "InternalUserDatabaseEnabled", true)),
                        "VPCOptions", Match.objectLike(Map.of("SubnetIds", Match.anyValue())),
                        "ClusterConfig", Match.objectLike(Map.of(
                                "InstanceCount", AnalyticsStack.DATA_NODES, "InstanceType", AnalyticsStack.DATA_NODE,
                                "DedicatedMasterEnabled", true, "DedicatedMasterCount", AnalyticsStack.MANAGERS,
                                "DedicatedMasterType", AnalyticsStack.MANAGER_NODE, "ZoneAwarenessEnabled", true)),
                        "EBSOptions", Match.objectLike(Map.of("VolumeSize", AnalyticsStack.VOLUME_GIB, "VolumeType", "gp3")),
                        "LogPublishingOptions", Match.objectLike(Map.of(
                                "SEARCH_SLOW_LOGS", Match.objectLike(Map.of("Enabled", true)),
                                "ES_APPLICATION_LOGS", Match.objectLike(Map.of("Enabled", true))))))));
    }

    @Test
    void onlyThisAccountsPrincipalsReachItAndOnlyTheCatalogFunctionsOnTheNetwork() {
        Synth.ANALYTICS.hasResourceProperties("AWS::OpenSearchService::Domain", Match.objectLike(Map.of(
                "AccessPolicies", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Principal", Match.objectLike(Map.of("AWS", Match.anyValue()))))))))));
        String policy = Synth.ANALYTICS.toJSON().toString();
        assertThat(policy).doesNotContain("\"Principal\":\"*\"").doesNotContain("\"AWS\":\"*\"");
        Synth.ANALYTICS.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "FromPort", 443, "ToPort", 443, "SourceSecurityGroupId", Match.anyValue())));
        assertThat(Synth.ANALYTICS.findResources("AWS::Lambda::Function")).as("no custom-resource Lambda").isEmpty();
    }
}
