package shop.verdant.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.contract.Contract;
import shop.verdant.contract.FunctionGroup;
import shop.verdant.contract.Need;
import shop.verdant.contract.Route;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Trigger;
import shop.verdant.infra.constructs.FunctionGroupStack;
import shop.verdant.infra.constructs.HttpRoute;
import shop.verdant.infra.constructs.Nag;
import shop.verdant.infra.constructs.ProblemResponses;
import shop.verdant.infra.constructs.ShopFunction;
import shop.verdant.infra.constructs.Firewall;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.CfnAuthorizer;
import software.amazon.awscdk.services.apigateway.Deployment;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The REST API (regional, answering only what came through the shop's CloudFront distribution), its stage,
 * authorizer and problem responses; the functions of every trigger of the contract, one nested stack per
 * function group (split when a group is large), so that no template nears CloudFormation's limits.
 */
public final class ApiStack extends Stack {

    /** What the API needs from the stateful stacks, and the triggers it serves (the contract's, in production). */
    public record Props(DataStack data, CacheStack cache, AuthStack auth, AnalyticsStack analytics, List<Trigger> triggers) {
        public Props(DataStack data, CacheStack cache, AuthStack auth, AnalyticsStack analytics) {
            this(data, cache, auth, analytics, Contract.TRIGGERS);
        }
    }

    /** The origin secret's slots: the firewall accepts both, CloudFront sends the active one. */
    static final List<String> ORIGIN_SECRET_SLOTS = List.of("A", "B");

    /** At most this many functions share a nested stack: about 9 resources each keeps a template under 250. */
    static final int FUNCTIONS_PER_STACK = 24;

    private final RestApi api;
    private final Stage stage;
    private final Map<String, Secret> originSecrets = new LinkedHashMap<>();
    private final String activeOriginSecret;
    private final List<FunctionGroupStack> groupStacks = new ArrayList<>();

    public ApiStack(Construct scope, String id, StackProps props, Props deps) {
        super(scope, id, props);
        api = RestApi.Builder.create(this, "Api")
                .description("Verdant shop API")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(true)
                .deploy(false)
                .build();
        Nag.suppress(api, "AwsSolutions-IAM4", "API Gateway's account-level CloudWatch role uses the AWS-managed "
                + "push-to-CloudWatch-Logs policy, which is exactly its purpose.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        // Nothing lives at the root: it answers like any unknown path (CloudFront sends only /api/* here).
        api.getRoot().addMethod("ANY", MockIntegration.Builder.create()
                .passthroughBehavior(PassthroughBehavior.NEVER)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 404}"))
                .integrationResponses(List.of(IntegrationResponse.builder().statusCode("404")
                        .responseParameters(Map.of("method.response.header.Content-Type", "'application/problem+json'"))
                        .responseTemplates(Map.of("application/json", ProblemResponses.body("not-found", "Not found", 404,
                                "No API route matches this method and path."))).build()))
                .build(), MethodOptions.builder()
                .methodResponses(List.of(MethodResponse.builder().statusCode("404")
                        .responseParameters(Map.of("method.response.header.Content-Type", true)).build()))
                .build());
        Nag.suppressPath(this, "/" + getStackName() + "/Api/Default/ANY/Resource", "AwsSolutions-APIG4",
                "A mock that answers 404 problem JSON for the root: no integration, nothing to authorize.");
        Nag.suppressPath(this, "/" + getStackName() + "/Api/Default/ANY/Resource", "AwsSolutions-COG4",
                "A mock that answers 404 problem JSON for the root: no integration, nothing to authorize.");

        RequestValidator validator = api.addRequestValidator("Validator", RequestValidatorOptions.builder()
                .validateRequestParameters(true).validateRequestBody(true).build());
        CfnAuthorizer authorizer = CfnAuthorizer.Builder.create(this, "Authorizer")
                .restApiId(api.getRestApiId())
                .name("verdant-users")
                .type("COGNITO_USER_POOLS")
                // customers' and staff's tokens both pass; handlers count staff groups only from the staff pool
                .providerArns(List.of(deps.auth().pool().getUserPoolArn(), deps.auth().staff().getUserPoolArn()))
                .identitySource("method.request.header.Authorization")
                .authorizerResultTtlInSeconds(300)
                .build();
        new ProblemResponses(this, "Problems", api);

        Map<String, String> resourceIds = new LinkedHashMap<>();
        for (Trigger t : deps.triggers()) {
            if (t instanceof Route r) {
                resourceIds.put(r.path(), api.getRoot().resourceForPath(r.path()).getResourceId());
            }
        }
        HttpRoute.Api routesApi = new HttpRoute.Api(api.getRestApiId(), authorizer.getRef(), validator.getRequestValidatorId());
        Map<TableSpec, ITable> tables = deps.data().tables();
        Map<Need, ISecret> secrets = Map.of(
                Need.REDIS, deps.cache().authToken(),
                Need.CURSOR_KEY, keySecret("CursorKeys", "Seals search cursors (keyring: kid:key,...; current first)"),
                Need.CART_TOKEN_KEY, keySecret("CartTokenKeys", "Signs visitor cart tokens (keyring: kid:key,...; current first)"),
                Need.STRIPE_API_KEY, stripeSecret("StripeSecretKey", "Stripe's secret API key (sk_live_... or sk_test_...)"),
                Need.STRIPE_WEBHOOK_SECRET, stripeSecret("StripeWebhookSecret",
                        "The signing secret (whsec_...) of the Stripe webhook endpoint .../api/webhooks/stripe"),
                Need.OPENSEARCH_ADMIN, deps.analytics().masterUser());

        AnalyticsStack analytics = deps.analytics();
        ShopFunction.Tracking tracking = new ShopFunction.Tracking(analytics.behaviourLogs().arn(), analytics.logsToFirehose(),
                analytics.behaviourDirect().name(), analytics.behaviourDirect().arn(), analytics.domain().getDomainEndpoint(),
                analytics.domain().getDomainArn(), new ShopFunction.Placement(deps.cache().vpc(), analytics.insightsFunctions()),
                analytics.firehoseRole().getRoleArn(), deps.auth().dashboardRoles().values().stream().map(r -> r.getRoleArn()).toList(),
                Repo.digest("shared/opensearch-tracking/src/main/resources/opensearch"),
                new ShopFunction.SignIn(deps.auth().staff().getUserPoolId(), deps.auth().staff().getUserPoolArn(),
                        deps.auth().dashboardsIdentities().getIdentityPoolId(), deps.auth().dashboardsIdentities().getIdentityPoolArn(),
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(
                                deps.auth().dashboardsIdentities().getAuthenticatedRole().getRoleArn()),
                                deps.auth().dashboardRoles().values().stream().map(r -> r.getRoleArn())).toList()));
        ShopFunction.Mail mail = mailIdentity();
        for (FunctionGroup group : groupsOf(deps.triggers())) {
            List<Trigger> own = deps.triggers().stream()
                    .filter(t -> t.handler().group().equals(group) && !(t instanceof shop.verdant.contract.CognitoTrigger))
                    .toList();
            for (int from = 0, part = 1; from < own.size(); from += FUNCTIONS_PER_STACK, part++) {
                String stackId = capitalized(group.name()) + (part == 1 ? "" : String.valueOf(part));
                groupStacks.add(new FunctionGroupStack(this, stackId, new FunctionGroupStack.Props(group,
                        Repo.path(group.jar()), own.subList(from, Math.min(own.size(), from + FUNCTIONS_PER_STACK)), tables,
                        routesApi, resourceIds, environment(group, deps, getNode().tryGetContext("verdant:stripePublishableKey")),
                        secretsOf(group, own, secrets), placement(group, deps), tracking, mail, deps.data().images(),
                        deps.data().changeFeed(), new ShopFunction.UserPools(deps.auth().pool().getUserPoolId(),
                        deps.auth().pool().getUserPoolArn(), deps.auth().staff().getUserPoolId(), deps.auth().staff().getUserPoolArn()))));
            }
        }

        Deployment deployment = Deployment.Builder.create(this, "Deployment")
                .api(api)
                .description("Verdant shop API")
                .build();
        // a new deployment whenever the routes change; methods live in the nested stacks
        deployment.addToLogicalId(deps.triggers().stream().filter(t -> t instanceof Route)
                .map(t -> ((Route) t).shape() + " " + ((Route) t).auth() + " " + t.handler().className()).toList());
        groupStacks.forEach(s -> deployment.getNode().addDependency(s));
        stage = Stage.Builder.create(this, "Stage")
                .deployment(deployment)
                .stageName("prod")
                // every request's line goes to Firehose and on into OpenSearch access-logs-* (failed ones to S3)
                .accessLogDestination(new software.amazon.awscdk.services.apigateway.FirehoseLogDestination(
                        deps.analytics().accessLogs().stream()))
                .accessLogFormat(AccessLogFormat.custom(shop.verdant.contract.AccessLogFormat.apiGatewayFormat()))
                .loggingLevel(MethodLoggingLevel.ERROR)
                .metricsEnabled(true)
                .throttlingRateLimit(200)
                .throttlingBurstLimit(400)
                .build();
        api.setDeploymentStage(stage);

        // Two slots for the origin secret: the firewall accepts either, CloudFront sends the active one (context
        // verdant:originSecret, "A" by default). Rotating: put a new value into the idle slot, deploy the API, make
        // it active, deploy the site; both values pass meanwhile, so no request is refused while CloudFront updates.
        for (String slot : ORIGIN_SECRET_SLOTS) {
            Secret secret = Secret.Builder.create(this, "OriginSecret" + slot)
                    .description("A value CloudFront may send in " + Firewall.ORIGIN_HEADER + " (slot " + slot
                            + "); the API refuses requests without one of the two")
                    .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(48).build())
                    .build();
            Nag.suppress(secret, "AwsSolutions-SMG4", "Rotated by procedure without a rotation Lambda (README, Deploy to "
                    + "AWS): the idle slot gets a new value, then CloudFront switches to it; the firewall accepts both slots.");
            originSecrets.put(slot, secret);
        }
        Object context = getNode().tryGetContext("verdant:originSecret");
        activeOriginSecret = context == null ? ORIGIN_SECRET_SLOTS.get(0) : context.toString();
        if (!originSecrets.containsKey(activeOriginSecret)) {
            throw new IllegalArgumentException("verdant:originSecret must be one of " + ORIGIN_SECRET_SLOTS);
        }
        Firewall firewall = Firewall.originOnly(this, "OriginFirewall", originSecrets.values().stream()
                .map(secret -> secret.getSecretValue().unsafeUnwrap()).toList());
        CfnWebACLAssociation.Builder.create(this, "OriginFirewallOnStage")
                .resourceArn(stage.getStageArn())
                .webAclArn(firewall.acl().getAttrArn())
                .build();
    }

    private ISecret keySecret(String id, String description) {
        Secret secret = Secret.Builder.create(this, id)
                .description(description)
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).includeSpace(false)
                        .passwordLength(64).build())
                .build();
        Nag.suppress(secret, "AwsSolutions-SMG4", "A keyring rotated by putting a new key first (kid:new,0:old) while the "
                + "old one still opens what it sealed; values it seals live at most a day, no rotation Lambda needed.");
        return secret;
    }

    /**
     * A Stripe secret: Stripe issues the value, so the secret is created with a placeholder and the operator puts
     * the real one (README, Deploy to AWS); functions read it after SnapStart restore, never at build time.
     */
    private ISecret stripeSecret(String id, String description) {
        Secret secret = Secret.Builder.create(this, id)
                .description(description + "; set with aws secretsmanager put-secret-value")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(32).build())
                .build();
        Nag.suppress(secret, "AwsSolutions-SMG4", "Stripe issues and rolls this value (dashboard: roll key / roll secret); "
                + "the new value is put into the secret, which functions read on their next cold start.");
        return secret;
    }

    private static List<FunctionGroup> groupsOf(List<Trigger> triggers) {
        return triggers.stream().map(t -> t.handler().group()).distinct().toList();
    }

    /** Table names for every table the group touches, and the settings its needs call for. */
    private static Map<String, String> environment(FunctionGroup group, Props deps, Object stripePublishableKey) {
        Map<String, String> env = new LinkedHashMap<>();
        deps.triggers().stream().filter(t -> t.handler().group().equals(group))
                // a change feed's function is told its tables' names (each record says which table it came from)
                .flatMap(t -> java.util.stream.Stream.concat(t.handler().tables().keySet().stream(),
                        t instanceof shop.verdant.contract.ChangeFeed feed ? feed.tables().stream() : java.util.stream.Stream.empty()))
                .distinct()
                .forEach(spec -> env.put(spec.envVar(), deps.data().tables().get(spec).getTableName()));
        if (group.needs(Need.REDIS)) {
            env.put("REDIS_URL", deps.cache().redisUrl());
        }
        if (group.needs(Need.STRIPE_API_KEY)) {
            // not a secret: Stripe.js in the browser uses it; set per deployment (cdk.json context)
            env.put("STRIPE_PUBLISHABLE_KEY", stripePublishableKey == null ? "pk_test_unset" : stripePublishableKey.toString());
        }
        // every handler reads its caller's groups: staff groups count only in the staff pool's tokens (second factor)
        env.put("STAFF_ISSUER", deps.auth().staffIssuer());
        if (group.needs(Need.TOKEN_VERIFIER)) {
            env.put("COGNITO_ISSUER", deps.auth().issuer());
            env.put("COGNITO_CLIENT_ID", deps.auth().storefront().getUserPoolClientId());
            env.put("STAFF_CLIENT_ID", deps.auth().staffDesk().getUserPoolClientId());
        }
        return env;
    }

    /** The secrets the needs of the group and of its functions name, by the name the code reads. */
    private static Map<String, ISecret> secretsOf(FunctionGroup group, List<Trigger> own, Map<Need, ISecret> secrets) {
        Map<String, ISecret> out = new LinkedHashMap<>();
        for (Trigger t : own) {
            for (Need need : t.handler().needs()) {
                if (need.secret().isPresent()) {
                    ISecret secret = secrets.get(need);
                    if (secret == null) {
                        throw new IllegalStateException("no secret provisioned for " + need + " (group " + group.name() + ")");
                    }
                    out.put(need.secretName(), secret);
                }
            }
        }
        return out;
    }

    /**
     * The shop's SES identity for customer emails: the domain of the sender address (cdk.json context
     * {@code verdant:mailFrom}, default orders@verdant.example), verified by its DKIM records (EasyDKIM; the DNS records
     * are the stack's to publish where the domain is hosted), and the site's URL for the links ({@code verdant:shopUrl}).
     */
    private ShopFunction.Mail mailIdentity() {
        Object configured = getNode().tryGetContext("verdant:mailFrom");
        String from = configured == null ? "orders@verdant.example" : configured.toString();
        String domain = from.substring(from.indexOf('@') + 1);
        software.amazon.awscdk.services.ses.EmailIdentity.Builder.create(this, "MailIdentity")
                .identity(software.amazon.awscdk.services.ses.Identity.domain(domain))
                .build();
        return new ShopFunction.Mail(from, "arn:" + getPartition() + ":ses:" + getRegion() + ":" + getAccount() + ":identity/" + domain,
                ShopUrl.of(this));
    }

    private static ShopFunction.Placement placement(FunctionGroup group, Props deps) {
        return group.needs(Need.REDIS) ? new ShopFunction.Placement(deps.cache().vpc(), deps.cache().catalogFunctions()) : null;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public RestApi api() {
        return api;
    }

    public Stage stage() {
        return stage;
    }

    /** The secret CloudFront sends as {@link Firewall#ORIGIN_HEADER}: the active slot. */
    public Secret originSecret() {
        return originSecrets.get(activeOriginSecret);
    }

    public List<FunctionGroupStack> groupStacks() {
        return List.copyOf(groupStacks);
    }
}
