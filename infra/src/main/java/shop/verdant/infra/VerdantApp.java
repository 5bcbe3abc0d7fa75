package shop.verdant.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** The CDK app: stacks split by lifecycle, the environment read here and nowhere else. */
public final class VerdantApp {
    private VerdantApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app, Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build());
        app.synth();
    }

    public record Stacks(DataStack data, AuthStack auth, CacheStack cache, ApiStack api, SiteStack site) {
    }

    public static Stacks build(App app, Environment env) {
        // Server access logs are delivered by bucket policy, so every bucket can keep ACLs disabled.
        app.getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        StackProps props = StackProps.builder().env(env).build();
        DataStack data = new DataStack(app, "Verdant-Data", props);
        AuthStack auth = new AuthStack(app, "Verdant-Auth", props);
        CacheStack cache = new CacheStack(app, "Verdant-Cache", props);
        ApiStack api = new ApiStack(app, "Verdant-Api", props, new ApiStack.Props(data, cache, auth));
        SiteStack site = new SiteStack(app, "Verdant-Site", props, new SiteStack.Props(api.api(), data.images(), auth));
        Tags.of(app).add("project", "verdant");
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Stacks(data, auth, cache, api, site);
    }
}
