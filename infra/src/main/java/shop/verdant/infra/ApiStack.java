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
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
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
    public record Props(DataStack data, CacheStack cache, AuthStack auth) {
    }

    /** What a function group may do with a table: read, read and write, or read and move stock (UpdateItem). */
    enum Access { READ, READ_WRITE, READ_UPDATE }

    /** The tables each function group uses; its functions get their names as environment variables. */
    static final Map<String, Map<TableSpec, Access>> GROUP_TABLES = Map.of(
            "catalog", Map.of(Tables.PRODUCTS, Access.READ, Tables.CATEGORIES, Access.READ, Tables.BRANDS, Access.READ),
            "shopping", Map.of(Tables.PRODUCTS, Access.READ_UPDATE, Tables.CARTS, Access.READ_WRITE,
                    Tables.WISHLISTS, Access.READ_WRITE, Tables.ORDERS, Access.READ_WRITE,
                    Tables.IDEMPOTENCY, Access.READ_WRITE));

    /** The problem JSON API Gateway answers itself (no handler ran), with the request id as instance. */
    static String gatewayProblem(String slug, String title, int status, String detail) {
        return "{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"$context.requestId\"}";
    }

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

        CognitoUserPoolsAuthorizer authorizer = CognitoUserPoolsAuthorizer.Builder.create(this, "Authorizer")
                .cognitoUserPools(List.of(deps.auth().pool()))
                .identitySource("method.request.header.Authorization")
                .resultsCacheTtl(Duration.minutes(5))
                .build();
        problems();

        for (Route route : RouteTable.ROUTES) {
            Alias live = functions.computeIfAbsent(route.handlerClass(),
                    c -> function(route.functionName(), route.method() + " " + route.path(), route.handlerClass(), route.group(), deps));
            MethodOptions.Builder options = MethodOptions.builder().requestValidator(validator);
            if (route.auth() == Route.Auth.COGNITO) {
                options.authorizationType(AuthorizationType.COGNITO).authorizer(authorizer);
            } else {
                options.authorizationType(AuthorizationType.NONE);
            }
            Method method = api.getRoot().resourceForPath(route.path())
                    .addMethod(route.method(), new LambdaIntegration(live), options.build());
            if (route.auth() == Route.Auth.NONE) {
                String why = "Public by design: anonymous visitors browse the catalog (route table: auth NONE); "
                        + "read-only, throttled per stage.";
                Nag.suppress(method, "AwsSolutions-APIG4", why);
                Nag.suppress(method, "AwsSolutions-COG4", why);
            } else if (route.auth() == Route.Auth.OPTIONAL) {
                String why = "Visitors keep a cart without an account (route table: auth OPTIONAL). A Cognito authorizer "
                        + "cannot be optional, so the handler verifies a bearer token itself (signature, expiry, issuer, "
                        + "client, token_use against the pool's JWKS) when one is sent.";
                Nag.suppress(method, "AwsSolutions-APIG4", why);
                Nag.suppress(method, "AwsSolutions-COG4", why);
            }
        }

        streamConsumers(deps);
        for (RouteTable.Scheduled job : RouteTable.SCHEDULED) {
            Alias live = function(job.functionName(), job.description(), job.handlerClass(), job.group(), deps);
            functions.put(job.handlerClass(), live);
            Rule.Builder.create(this, job.functionName() + "Schedule")
                    .description(job.description())
                    .schedule(Schedule.rate(Duration.minutes(job.everyMinutes())))
                    .targets(List.of(new LambdaFunction(live, LambdaFunctionProps.builder().retryAttempts(2).build())))
                    .build();
        }
    }

    /** Stream consumers: the function, its table's stream as event source, failures kept in a queue. */
    private void streamConsumers(Props deps) {
        for (RouteTable.StreamConsumer c : RouteTable.STREAMS) {
            Alias live = function(c.functionName(), c.description(), c.handlerClass(), c.group(), deps);
            functions.put(c.handlerClass(), live);
            Queue failures = Queue.Builder.create(this, c.functionName() + "Failures")
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .retentionPeriod(Duration.days(14))
                    .build();
            Nag.suppress(failures, "AwsSolutions-SQS3", "This queue is itself the dead-letter destination of the "
                    + "stream consumer (records that failed every retry); a queue behind it would never be read.");
            live.addEventSource(DynamoEventSource.Builder.create(deps.data().tables().get(c.table()))
                    .startingPosition(StartingPosition.LATEST)
                    .batchSize(100)
                    .maxBatchingWindow(Duration.seconds(1))
                    .bisectBatchOnError(true)
                    .retryAttempts(5)
                    .reportBatchItemFailures(true)
                    .onFailure(new SqsDlq(failures))
                    .build());
        }
    }

    /** Answers API Gateway gives itself (bad token, throttled, no such route) as problem JSON too. */
    private void problems() {
        record Kind(String id, ResponseType type, String status, String slug, String title, String detail) {
        }
        for (Kind k : List.of(
                new Kind("Unauthorized", ResponseType.UNAUTHORIZED, "401", "unauthorized", "Unauthorized",
                        "Sign in: this needs a valid bearer token from the shop's user pool."),
                new Kind("AccessDenied", ResponseType.ACCESS_DENIED, "403", "forbidden", "Forbidden",
                        "This is not allowed with the token sent."),
                new Kind("Throttled", ResponseType.THROTTLED, "429", "too-many-requests", "Too many requests",
                        "Slow down and retry shortly."),
                new Kind("BadBody", ResponseType.BAD_REQUEST_BODY, "400", "invalid-request", "Invalid request",
                        "The request body is not valid."),
                new Kind("Default4xx", ResponseType.DEFAULT_4_XX, null, "client-error", "Request refused",
                        "The API refused this request."),
                new Kind("Default5xx", ResponseType.DEFAULT_5_XX, null, "internal", "Internal error",
                        "The request could not be completed. Quote the instance id when reporting it."))) {
            api.addGatewayResponse(k.id(), GatewayResponseOptions.builder()
                    .type(k.type())
                    .statusCode(k.status())
                    .responseHeaders(Map.of("Access-Control-Allow-Origin", "'*'", "Content-Type", "'application/problem+json'"))
                    .templates(Map.of("application/json", gatewayProblem(k.slug(), k.title(),
                            k.status() == null ? 400 : Integer.parseInt(k.status()), k.detail())))
                    .build());
        }
    }

    private Alias function(String name, String description, String handlerClass, String group, Props deps) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        env.put("POWERTOOLS_SERVICE_NAME", "verdant-" + group);
        Map<TableSpec, Access> tables = GROUP_TABLES.getOrDefault(group, Map.of());
        for (TableSpec spec : tables.keySet()) {
            env.put(spec.envVar(), deps.data().tables().get(spec.logicalName()).getTableName());
        }
        if (group.equals("shopping")) {
            // optional-auth routes verify tokens in the handler; the scheduled sweeper ignores these
            env.put("COGNITO_ISSUER", deps.auth().issuer());
            env.put("COGNITO_CLIENT_ID", deps.auth().storefront().getUserPoolClientId());
        }
        boolean catalog = group.equals("catalog");
        if (catalog) {
            env.put("REDIS_URL", deps.cache().redisUrl());
        }
        Function fn = Function.Builder.create(this, name)
                .description(description)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handlerClass + "::handleRequest")
                .code(Code.fromAsset(Repo.lambdaJar(group)))
                .memorySize(1024)
                .timeout(Duration.seconds(10))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(env)
                .vpc(catalog ? deps.cache().vpc() : null)
                .vpcSubnets(catalog ? SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build() : null)
                .securityGroups(catalog ? List.of(deps.cache().catalogFunctions()) : null)
                .build();
        tables.forEach((spec, access) -> {
            var table = deps.data().tables().get(spec.logicalName());
            switch (access) {
                case READ -> table.grantReadData(fn);
                case READ_WRITE -> table.grantReadWriteData(fn);
                case READ_UPDATE -> {
                    table.grantReadData(fn);
                    table.grant(fn, "dynamodb:UpdateItem");
                }
            }
        });
        Nag.suppress(fn, "AwsSolutions-IAM4", "AWS-managed basic execution (logs) and VPC access (ENIs) policies: "
                + "the minimum a Lambda function in a VPC needs.");
        Nag.suppress(fn, "AwsSolutions-IAM5", "grantReadData allows Query on the table's own indexes (index/*); "
                + "every resource is one of the function group's tables.");
        Nag.suppress(fn, "AwsSolutions-L1", "Pinned to java21, the runtime the functions are built, measured and "
                + "SnapStart-primed for; upgraded deliberately, not by a linter.");
        return Alias.Builder.create(this, name + "Live")
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
