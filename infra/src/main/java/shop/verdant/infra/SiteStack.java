package shop.verdant.infra;

import shop.verdant.infra.constructs.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.RestApiOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import shop.verdant.contract.SecurityHeaders;
import shop.verdant.infra.constructs.Firewall;
import software.amazon.awscdk.services.cloudfront.origins.RestApiOriginProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The storefront's front door: a private bucket with the site's files behind CloudFront with Origin
 * Access Control, {@code /api/*} routed to the REST API and {@code /images/*} to the images bucket, and
 * security headers with a strict CSP on every response.
 */
public final class SiteStack extends Stack {

    /** {@code edgeFirewallArn}: the CLOUDFRONT-scope web ACL (edge stack, us-east-1). */
    public record Props(RestApi api, Bucket images, AuthStack auth, ISecret originSecret, String edgeFirewallArn) {
    }

    private final Distribution distribution;

    public SiteStack(Construct scope, String id, StackProps props, Props deps) {
        super(scope, id, props);
        // CloudFront standard logs need ACLs on their bucket: hence BUCKET_OWNER_PREFERRED here only.
        Bucket logs = PrivateBucket.builder(this, "Logs")
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(software.amazon.awscdk.services.s3.LifecycleRule.builder()
                        .expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(logs, "AwsSolutions-S1", "This is the log target of the site bucket and the CDN; logging it into itself would loop.");
        Bucket site = PrivateBucket.builder(this, "SiteBucket")
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("site-bucket/")
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();
        // Imported, so that OAC does not write the data stack's bucket policy from here (the data stack grants it).
        IBucket images = Bucket.fromBucketAttributes(this, "Images", BucketAttributes.builder()
                .bucketArn(deps.images().getBucketArn())
                .bucketName(deps.images().getBucketName())
                .bucketRegionalDomainName(deps.images().getBucketRegionalDomainName())
                .build());

        ResponseHeadersPolicy headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(SecurityHeaders.contentSecurityPolicy(
                                        SecurityHeaders.cognitoOrigin(getRegion()), true,
                                        "https://" + deps.images().getBucketRegionalDomainName())).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.seconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS))
                                .includeSubdomains(true).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.valueOf(SecurityHeaders.FRAME_OPTIONS)).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(true).build())
                        .build())
                .build();

        // The API decides what may be cached: catalog reads say "public, max-age=…", personal data "no-store".
        // CloudFront forwards Authorization only when it is part of the cache key (an origin request policy
        // may not name it); with it and the visitor cart token in the key no answer is served to anyone else.
        // The visitor id is in the key too: a search answered from the edge would never reach the handler that
        // records it, and the most popular searches would count least. The cache still serves a visitor's own
        // repeats (back, forward, a page again); the searches themselves cost a sub-millisecond index lookup.
        CachePolicy apiCache = CachePolicy.Builder.create(this, "ApiCache")
                .comment("Verdant API: honour the origin's Cache-Control, key on query, Authorization, cart token and visitor")
                .minTtl(Duration.seconds(0))
                .defaultTtl(Duration.seconds(0))
                .maxTtl(Duration.minutes(5))
                .queryStringBehavior(CacheQueryStringBehavior.all())
                .headerBehavior(CacheHeaderBehavior.allowList("Authorization", "X-Cart-Token", "X-Visitor-Id"))
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();

        distribution = Distribution.Builder.create(this, "Cdn")
                .comment("Verdant storefront")
                .webAclId(deps.edgeFirewallArn())
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(logs)
                .logFilePrefix("cdn/")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(site))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(headers)
                        .compress(true)
                        .build())
                .additionalBehaviors(Map.of(
                        "/api/*", BehaviorOptions.builder()
                                .origin(new RestApiOrigin(deps.api(), RestApiOriginProps.builder()
                                        .customHeaders(Map.of(Firewall.ORIGIN_HEADER,
                                                deps.originSecret().getSecretValue().unsafeUnwrap()))
                                        .build()))
                                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                                .allowedMethods(AllowedMethods.ALLOW_ALL)
                                .cachePolicy(apiCache)
                                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                                .responseHeadersPolicy(headers)
                                .build(),
                        "/images/*", BehaviorOptions.builder()
                                .origin(S3BucketOrigin.withOriginAccessControl(images))
                                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                                .responseHeadersPolicy(headers)
                                .build()))
                .build();

        Nag.suppress(distribution, "AwsSolutions-CFR4", "Served on the default *.cloudfront.net certificate, for which "
                + "CloudFront fixes the minimum protocol; a custom domain brings its own certificate with TLSv1.2_2021.");
        List<software.amazon.awscdk.services.s3.deployment.ISource> vendored = new java.util.ArrayList<>();
        shop.verdant.contract.SiteVendor.FILES.forEach((name, path) -> vendored.add(Source.data("vendor/" + name, Repo.vendored(path))));
        BucketDeployment.Builder.create(this, "DeploySite")
                .sources(java.util.stream.Stream.concat(vendored.stream(), java.util.stream.Stream.of(
                        Source.asset(Repo.siteDir(), software.amazon.awscdk.services.s3.assets.AssetOptions.builder()
                                .exclude(List.of("e2e", "e2e/**", "node_modules", "node_modules/**", "package*.json")).build()),
                        Source.jsonData("config.json", Map.of("apiBase", "/api", "environment", "aws",
                                "stripe", Map.of("js", SecurityHeaders.STRIPE_JS),
                                "cognito", Map.of("endpoint", "https://cognito-idp." + getRegion() + ".amazonaws.com/",
                                        "region", getRegion(),
                                        "userPoolId", deps.auth().pool().getUserPoolId(),
                                        "clientId", deps.auth().storefront().getUserPoolClientId()),
                                "staff", Map.of("endpoint", "https://cognito-idp." + getRegion() + ".amazonaws.com/",
                                        "region", getRegion(),
                                        "userPoolId", deps.auth().staff().getUserPoolId(),
                                        "clientId", deps.auth().staffDesk().getUserPoolClientId()))))).toList())
                .destinationBucket(site)
                .distribution(distribution)
                .distributionPaths(List.of("/index.html", "/config.json", "/assets/*", "/vendor/*"))
                .build();
        String deployer = "/" + getStackName() + "/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C";
        String why = "CDK's own BucketDeployment function: runs only at deploy time, copies the site's files from the "
                + "CDK asset bucket into the site bucket and invalidates the distribution; its policy and runtime are CDK's.";
        Nag.suppressPath(this, deployer, "AwsSolutions-L1", why);
        Nag.suppressPath(this, deployer, "AwsSolutions-IAM4", why,
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        // S3 action families on the asset bucket and the site bucket (objects under them), and the invalidation
        Nag.suppressPathMatching(this, deployer, "AwsSolutions-IAM5", why,
                "/^(Action::s3:(GetBucket|GetObject|List|DeleteObject|Abort)\\*|Resource::(arn:<AWS::Partition>:s3:::cdk-.+|<SiteBucket.+>/\\*)|Resource::\\*)$/g");
    }

    public Distribution distribution() {
        return distribution;
    }
}
