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
import software.amazon.awscdk.services.apigateway.MethodOptions;
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

        for (Route route : RouteTable.ROUTES) {
            Alias live = functions.computeIfAbsent(route.handlerClass(), c -> function(route, deps));
            MethodOptions.Builder options = MethodOptions.builder();
            if (route.auth() == Route.Auth.NONE) {
                options.authorizationType(AuthorizationType.NONE);
            }
            api.getRoot().resourceForPath(route.path())
                    .addMethod(route.method(), new LambdaIntegration(live), options.build());
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
        return Alias.Builder.create(this, route.functionName() + "Live")
                .aliasName("live")
                .version(fn.getCurrentVersion())
                .build();
    }

    public RestApi api() {
        return api;
    }
}
