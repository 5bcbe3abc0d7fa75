package shop.verdant.infra;

import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class CacheAndSiteStackTest {

    @Test
    void redisIsEncryptedInTransitAndAtRestAcrossTwoZones() {
        Synth.CACHE.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "Engine", "redis", "TransitEncryptionEnabled", true, "AtRestEncryptionEnabled", true,
                "AutomaticFailoverEnabled", true, "NumCacheClusters", 2)));
    }

    @Test
    void isolatedVpcReachesDynamoDbThroughAGatewayEndpoint() {
        Synth.CACHE.resourceCountIs("AWS::EC2::NatGateway", 0);
        Synth.CACHE.resourceCountIs("AWS::EC2::InternetGateway", 0);
        Synth.CACHE.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(".dynamodb")))))))));
    }

    @Test
    void onlyTheCatalogFunctionsReachRedis_andOnlyWithTheAuthToken() {
        String catalogGroup = Synth.CACHE.findResources("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("GroupDescription", "Catalog Lambda functions"))))).keySet().iterator().next();
        Synth.CACHE.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "IpProtocol", "tcp", "FromPort", CacheStack.REDIS_PORT, "ToPort", CacheStack.REDIS_PORT,
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(catalogGroup, "GroupId")))));
        Synth.CACHE.resourceCountIs("AWS::EC2::SecurityGroupIngress", 1);
        // the catalog functions' group is the one their functions run in
        assertThat(Synth.GROUPS.get("Catalog").toJSON().toString()).contains(catalogGroup);
        Synth.CACHE.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "AuthToken", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(Match.stringLikeRegexp("resolve:secretsmanager"))))))))));
        Synth.CACHE.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "VpcEndpointType", "Interface", "PrivateDnsEnabled", true)));
        Synth.CACHE.resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress",
                Match.objectLike(Map.of("CidrIp", Match.anyValue())), 0);
    }

    @Test
    void siteBucketIsPrivateAndServedThroughOriginAccessControl() {
        Synth.SITE.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true))));
        Synth.SITE.resourceCountIs("AWS::CloudFront::OriginAccessControl", 2);
        Synth.SITE.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of(
                "DistributionConfig", Match.objectLike(Map.of(
                        "DefaultRootObject", "index.html",
                        "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                        "CacheBehaviors", Match.arrayWith(List.of(
                                Match.objectLike(Map.of("PathPattern", "/api/*", "ViewerProtocolPolicy", "https-only",
                                        "AllowedMethods", Match.arrayWith(List.of("POST")))))))))));
        Synth.SITE.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of(
                "DistributionConfig", Match.objectLike(Map.of(
                        "CacheBehaviors", Match.arrayWith(List.of(
                                Match.objectLike(Map.of("PathPattern", "/images/*", "ViewerProtocolPolicy", "redirect-to-https")))))))));
    }

    @Test
    void theCdnAndBothBucketsWriteAccessLogs() {
        Synth.SITE.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of(
                "DistributionConfig", Match.objectLike(Map.of("Logging", Match.objectLike(Map.of("Prefix", "cdn/")))))));
        Synth.SITE.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "site-bucket/")))));
        Synth.DATA.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "product-images/")))));
    }

    @Test
    void siteFilesAndConfigAreDeployedAndEveryResponseCarriesACsp() {
        Synth.SITE.resourceCountIs("Custom::CDKBucketDeployment", 1);
        // the site's own copy of Chart.js (no CDN), refreshed at the edge with the rest on every deploy
        Synth.SITE.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of(
                "DistributionPaths", Match.arrayWith(java.util.List.of("/vendor/*")))));
        var deployment = Synth.props(Synth.SITE.findResources("Custom::CDKBucketDeployment").values().iterator().next());
        assertThat((List<?>) deployment.get("SourceObjectKeys")).as("the site's files, config.json and each vendored file")
                .hasSize(2 + shop.verdant.contract.SiteVendor.FILES.size());
        // the policy's text, with the images bucket's endpoint (a reference) where merchants' pictures are uploaded to
        String expected = shop.verdant.contract.SecurityHeaders.contentSecurityPolicy(
                "https://cognito-idp.eu-west-1.amazonaws.com", true, "https://BUCKET");
        var policy = Synth.props(Synth.SITE.findResources("AWS::CloudFront::ResponseHeadersPolicy").values().iterator().next());
        String csp = String.valueOf(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) policy.get("ResponseHeadersPolicyConfig"))
                .get("SecurityHeadersConfig")).get("ContentSecurityPolicy")));
        assertThat(csp).contains(expected.substring(0, expected.indexOf("https://BUCKET")))
                .contains("ProductImages").contains(expected.substring(expected.indexOf("https://BUCKET") + "https://BUCKET".length()))
                .contains("Override=true");
    }

    @Test
    void theApiBehaviourForwardsTheBearerTokenAndCartTokenAsPartOfTheCacheKey() {
        Synth.SITE.hasResourceProperties("AWS::CloudFront::CachePolicy", software.amazon.awscdk.assertions.Match.objectLike(java.util.Map.of(
                "CachePolicyConfig", software.amazon.awscdk.assertions.Match.objectLike(java.util.Map.of(
                        "ParametersInCacheKeyAndForwardedToOrigin", software.amazon.awscdk.assertions.Match.objectLike(java.util.Map.of(
                                "HeadersConfig", java.util.Map.of("HeaderBehavior", "whitelist",
                                        "Headers", java.util.List.of("Authorization", "X-Cart-Token", "X-Visitor-Id")))))))));
    }
}
