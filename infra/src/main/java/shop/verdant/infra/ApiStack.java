package shop.verdant.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.amazon.awscdk.services.logs.RetentionDays;
import shop.verdant.spec.Route;
import shop.verdant.spec.RouteTable;
import shop.verdant.spec.TableSpec;
import shop.verdant.spec.Tables;
import software.constructs.Construct;

/**
 * The REST API: one Lambda function per route of {@link RouteTable}, on java21 with SnapStart on a
 * published version behind a {@code live} alias. Catalog functions run inside the VPC next to Redis.
 */
public final class ApiStack extends Stack {

    /** What the API needs from the stateful stacks. */
    public record Props(DataStack data, CacheStack cache) {
    }

    /** The tables each function group reads; its functions get their names as environment variables. */
    static final Map<String, List<TableSpec>> GROUP_TABLES = Map.of(
            "catalog", List.of(Tables.PRODUCTS, Tables.CATEGORIES, Tables.BRANDS));

    private final RestApi api;
    private final Map<String, Alias> functions = new LinkedHashMap<>();

    public ApiStack(Construct scope, String id, StackProps props, Props deps) {
        super(scope, id, props);
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        api = RestApi.Builder.create(this, "Api")
                .description("Verdant shop API")
                .cloudWatchRole(true)
                .deployOptions(StageOptions.builder()
                        .stageName("prod")
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.custom(shop.verdant.spec.AccessLogFormat.apiGatewayFormat()))
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .metricsEnabled(true)
                        .throttlingRateLimit(200)
                        .throttlingBurstLimit(400)
                        .build())
                .build();

        firewall();
        RequestValidator validator = api.addRequestValidator("Validator", RequestValidatorOptions.builder()
                .validateRequestParameters(true).validateRequestBody(true).build());
        Nag.suppress(api, "AwsSolutions-IAM4", "API Gateway's account-level CloudWatch role uses the AWS-managed "
                + "push-to-CloudWatch-Logs policy, which is exactly its purpose.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));

        for (Route route : RouteTable.ROUTES) {
            Alias live = functions.computeIfAbsent(route.handlerClass(), c -> function(route, deps));
            MethodOptions.Builder options = MethodOptions.builder().requestValidator(validator);
            if (route.auth() == Route.Auth.NONE) {
                options.authorizationType(AuthorizationType.NONE);
            }
            Method method = api.getRoot().resourceForPath(route.path())
                    .addMethod(route.method(), new LambdaIntegration(live), options.build());
            if (route.auth() == Route.Auth.NONE) {
                String why = "Public by design: anonymous visitors browse the catalog (route table: auth NONE); "
                        + "read-only, throttled per stage.";
                Nag.suppress(method, "AwsSolutions-APIG4", why);
                Nag.suppress(method, "AwsSolutions-COG4", why);
            }
        }
    }

    private Alias function(Route route, Props deps) {
        String group = route.group();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        env.put("POWERTOOLS_SERVICE_NAME", "verdant-" + group);
        for (TableSpec spec : GROUP_TABLES.getOrDefault(group, List.of())) {
            env.put(spec.envVar(), deps.data().tables().get(spec.logicalName()).getTableName());
        }
        boolean catalog = group.equals("catalog");
        if (catalog) {
            env.put("REDIS_URL", deps.cache().redisUrl());
        }
        Function fn = Function.Builder.create(this, route.functionName())
                .description(route.method() + " " + route.path())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(route.handlerClass() + "::handleRequest")
                .code(Code.fromAsset(Repo.lambdaJar(group)))
                .memorySize(1024)
                .timeout(Duration.seconds(10))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(env)
                .vpc(catalog ? deps.cache().vpc() : null)
                .vpcSubnets(catalog ? SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build() : null)
                .securityGroups(catalog ? List.of(deps.cache().catalogFunctions()) : null)
                .build();
        for (TableSpec spec : GROUP_TABLES.getOrDefault(group, List.of())) {
            deps.data().tables().get(spec.logicalName()).grantReadData(fn);
        }
        Nag.suppress(fn, "AwsSolutions-IAM4", "AWS-managed basic execution (logs) and VPC access (ENIs) policies: "
                + "the minimum a Lambda function in a VPC needs.");
        Nag.suppress(fn, "AwsSolutions-IAM5", "grantReadData allows Query on the table's own indexes (index/*); "
                + "every resource is one of the function group's tables.");
        Nag.suppress(fn, "AwsSolutions-L1", "Pinned to java21, the runtime the functions are built, measured and "
                + "SnapStart-primed for; upgraded deliberately, not by a linter.");
        return Alias.Builder.create(this, route.functionName() + "Live")
                .aliasName("live")
                .version(fn.getCurrentVersion())
                .build();
    }

    /** A regional WAF on the stage: per-IP rate limit plus AWS's common and known-bad-input rule sets. */
    private void firewall() {
        CfnWebACL acl = CfnWebACL.Builder.create(this, "Firewall")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility("verdant-api"))
                .rules(List.of(
                        CfnWebACL.RuleProperty.builder().name("rate-per-ip").priority(0)
                                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                                .statement(CfnWebACL.StatementProperty.builder()
                                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                                .limit(RATE_LIMIT_PER_5_MINUTES).aggregateKeyType("IP").build()).build())
                                .visibilityConfig(visibility("rate-per-ip")).build(),
                        managed("AWSManagedRulesCommonRuleSet", 1),
                        managed("AWSManagedRulesKnownBadInputsRuleSet", 2)))
                .build();
        CfnWebACLAssociation.Builder.create(this, "FirewallOnStage")
                .resourceArn(api.getDeploymentStage().getStageArn())
                .webAclArn(acl.getAttrArn())
                .build();
    }

    /** Requests one IP may send in five minutes before WAF blocks it. */
    static final int RATE_LIMIT_PER_5_MINUTES = 2000;

    private static CfnWebACL.RuleProperty managed(String name, int priority) {
        return CfnWebACL.RuleProperty.builder().name(name).priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                .vendorName("AWS").name(name).build()).build())
                .visibilityConfig(visibility(name)).build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder().metricName(metric)
                .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }

    public RestApi api() {
        return api;
    }
}
