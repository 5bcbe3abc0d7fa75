package shop.verdant.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: stacks split by lifecycle, the environment read here and nowhere else. {@code cdk deploy}
 * sets CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION; {@code bash infra/synth} without credentials uses
 * VERDANT_ACCOUNT / VERDANT_REGION or placeholders, since the edge stack must name us-east-1 and
 * CloudFront takes its firewall from there.
 */
public final class VerdantApp {
    private VerdantApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        String account = firstOf(System.getenv("CDK_DEFAULT_ACCOUNT"), System.getenv("VERDANT_ACCOUNT"), "000000000000");
        String region = firstOf(System.getenv("CDK_DEFAULT_REGION"), System.getenv("VERDANT_REGION"), "eu-west-1");
        build(app, Environment.builder().account(account).region(region).build());
        app.synth();
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("no value");
    }

    public record Stacks(DataStack data, AuthStack auth, CacheStack cache, AnalyticsStack analytics, ApiStack api,
                         EdgeStack edge, SiteStack site, OpsStack ops) {
        public java.util.List<software.amazon.awscdk.Stack> all() {
            return java.util.List.of(data, auth, cache, analytics, api, edge, site, ops);
        }
    }

    public static Stacks build(App app, Environment env) {
        return build(app, env, shop.verdant.contract.Contract.TRIGGERS);
    }

    /** {@code triggers}: the contract's; a test may pass more to see how the templates grow. */
    public static Stacks build(App app, Environment env, java.util.List<shop.verdant.contract.Trigger> triggers) {
        // Server access logs are delivered by bucket policy, so every bucket can keep ACLs disabled.
        app.getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        StackProps props = StackProps.builder().env(env).build();
        DataStack data = new DataStack(app, "Verdant-Data", props);
        AuthStack auth = new AuthStack(app, "Verdant-Auth", props);
        CacheStack cache = new CacheStack(app, "Verdant-Cache", props);
        AnalyticsStack analytics = new AnalyticsStack(app, "Verdant-Analytics", props, new AnalyticsStack.Props(cache, data, auth));
        ApiStack api = new ApiStack(app, "Verdant-Api", props, new ApiStack.Props(data, cache, auth, analytics, triggers));
        EdgeStack edge = new EdgeStack(app, "Verdant-Edge", StackProps.builder()
                .env(Environment.builder().account(env.getAccount()).region(EdgeStack.REGION).build())
                .crossRegionReferences(true).build());
        SiteStack site = new SiteStack(app, "Verdant-Site", StackProps.builder().env(env).crossRegionReferences(true).build(),
                new SiteStack.Props(api.api(), data.images(), auth, api.originSecret(), edge.firewallArn()));
        OpsStack ops = new OpsStack(app, "Verdant-Ops", props, new OpsStack.Props(api, data, cache, analytics));
        // CloudFormation's schema for dashboards takes no tags (cfn-lint E3002)
        Tags.of(app).add("project", "verdant", software.amazon.awscdk.TagProps.builder()
                .excludeResourceTypes(java.util.List.of("AWS::CloudWatch::Dashboard")).build());
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Stacks(data, auth, cache, analytics, api, edge, site, ops);
    }
}
