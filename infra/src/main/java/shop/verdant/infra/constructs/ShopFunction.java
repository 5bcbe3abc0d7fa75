package shop.verdant.infra.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.contract.Handler;
import shop.verdant.contract.Need;
import shop.verdant.contract.TableAccess;
import shop.verdant.contract.TableSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ParamsAndSecretsLayerVersion;
import software.amazon.awscdk.services.lambda.ParamsAndSecretsVersions;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * One function of the contract: java21 on arm64 with SnapStart on a published version behind a {@code live}
 * alias, its own log group with retention, its own role with exactly the table actions its {@link Handler}
 * declares and read access to exactly the secrets it is given.
 */
public final class ShopFunction extends Construct {

    /** Where a function runs inside the VPC (the catalog, beside Redis); null for outside. */
    public record Placement(IVpc vpc, ISecurityGroup securityGroup) {
    }

    /**
     * {@code tables}: every table of the contract by spec (only the handler's own are granted);
     * {@code environment}: settings for the function; {@code secrets}: NAME → secret, read through the
     * secrets extension as {@code NAME_SECRET_ARN}.
     */
    public record Props(Handler handler, String jar, Map<TableSpec, ITable> tables, Map<String, String> environment,
                        Map<String, ISecret> secrets, Placement placement, Tracking tracking, Duration timeout, Mail mail,
                        software.amazon.awscdk.services.s3.IBucket images, UserPools userPool) {
        public Props(Handler handler, String jar, Map<TableSpec, ITable> tables, Map<String, String> environment,
                     Map<String, ISecret> secrets, Placement placement) {
            this(handler, jar, tables, environment, secrets, placement, null, DEFAULT_TIMEOUT, null, null, null);
        }
    }

    /** The shop's user pools: the customers' (the CUSTOMER_DIRECTORY need) and the staff's (MERCHANT_ and STAFF_ONBOARDING). */
    public record UserPools(String customersId, String customersArn, String staffId, String staffArn) {
    }

    /** The shop's SES sending identity, for the EMAIL need: the sender address, the identity's ARN, the site's URL. */
    public record Mail(String from, String identityArn, String shopUrl) {
    }

    /** What a function may take: an API answer within API Gateway's limits, a batch of stream records. */
    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(10);

    /**
     * The tracking pipeline's ends, for the needs that use them: BEHAVIOUR_LOG (the subscription's destination stream
     * and the role CloudWatch Logs assumes), BEHAVIOUR_STREAM (the direct stream), OPENSEARCH_READ (the domain, and
     * where in the VPC its readers run).
     */
    public record Tracking(String behaviourLogStreamArn, software.amazon.awscdk.services.iam.IRole logsToFirehose,
                           String behaviourDirectStream, String behaviourDirectStreamArn, String domainEndpoint,
                           String domainArn, Placement searchPlacement, String firehoseRoleArn, List<String> dashboardsRoleArns,
                           String setupDigest, SignIn signIn) {
    }

    /** Dashboards' sign-in: the user pool, the identity pool and the roles it hands out (passed when it is set). */
    public record SignIn(String userPoolId, String userPoolArn, String identityPoolId, String identityPoolArn,
                         List<String> identityRoleArns) {
    }

    /** How long the functions' logs are kept. */
    public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    private final Function function;
    private final Handler handler;
    private final Alias live;

    public ShopFunction(Construct scope, String id, Props props) {
        super(scope, id);
        Handler handler = props.handler();
        this.handler = handler;
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(handler.functionName() + ": " + handler.description())
                .build();
        // the log group is this function's own: writing to it is all the role may do beyond its grants
        logs.grantWrite(role);
        if (props.placement() != null) {
            role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"));
            Nag.suppress(role, "AwsSolutions-IAM4", "AWSLambdaVPCAccessExecutionRole: the ENI actions a function in a "
                    + "VPC needs (they take no resource scoping)",
                    List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        Map<String, String> env = new LinkedHashMap<>();
        // the image function draws (java.awt) with no display: headless, as Lambda has none
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
                + (handler.needs().contains(Need.IMAGE_RENDITIONS) ? " -Djava.awt.headless=true" : ""));
        env.put("POWERTOOLS_SERVICE_NAME", "verdant-" + handler.group().name());
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Verdant");
        env.putAll(props.environment());
        props.secrets().forEach((name, secret) -> env.put(name + "_SECRET_ARN", secret.getSecretArn()));

        Function.Builder fn = Function.Builder.create(this, "Function")
                .description(handler.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler.className() + "::handleRequest")
                .code(Code.fromAsset(props.jar()))
                .memorySize(1024)
                .timeout(props.timeout())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logs)
                .environment(env);
        if (!props.secrets().isEmpty()) {
            fn.paramsAndSecrets(ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103));
        }
        if (props.placement() != null) {
            fn.vpc(props.placement().vpc())
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                    .securityGroups(List.of(props.placement().securityGroup()));
        }
        function = fn.build();
        Nag.suppress(function, "AwsSolutions-L1", "Pinned to java21, the runtime the functions are built, measured and "
                + "SnapStart-primed for; upgraded deliberately, not by a linter.");

        handler.tables().forEach((spec, access) -> grant(role, props.tables().get(spec), access, spec));
        track(handler, props.tracking(), logs, role);
        if (handler.needs().contains(Need.EMAIL)) {
            Mail mail = props.mail();
            if (mail == null) {
                throw new IllegalArgumentException(handler.className() + " sends email, and no sending identity was given");
            }
            function.addEnvironment("MAIL_FROM", mail.from());
            function.addEnvironment("SHOP_URL", mail.shopUrl());
            // SendEmail through the shop's identity only, and only as its sender address
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("ses:SendEmail")).resources(List.of(mail.identityArn()))
                    .conditions(Map.of("StringEquals", Map.of("ses:FromAddress", mail.from()))).build());
        }
        images(handler, props.images(), role);
        userPool(handler, props.userPool(), role);
        props.secrets().values().forEach(secret -> secret.grantRead(role));
        live = Alias.Builder.create(this, "Live")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
    }

    /**
     * The image needs: signing uploads may put objects under uploads/ only (the browser's upload acts with this role);
     * the image function reads and removes uploads and writes renditions; pruning removes renditions.
     */
    private void images(Handler handler, software.amazon.awscdk.services.s3.IBucket images, Role role) {
        var needs = handler.needs();
        boolean upload = needs.contains(Need.IMAGE_UPLOAD);
        boolean render = needs.contains(Need.IMAGE_RENDITIONS);
        boolean prune = needs.contains(Need.IMAGE_PRUNE);
        if (!upload && !render && !prune) {
            return;
        }
        if (images == null) {
            throw new IllegalArgumentException(handler.className() + " uses the images bucket, which was not given");
        }
        function.addEnvironment(shop.verdant.contract.Buckets.IMAGES.envVar(), images.getBucketName());
        String uploads = images.arnForObjects(shop.verdant.contract.Buckets.UPLOADS + "*");
        String renditions = images.arnForObjects(shop.verdant.contract.Buckets.RENDITIONS + "*");
        if (upload) {
            function.addEnvironment("IMAGES_UPLOAD_URL", "https://" + images.getBucketRegionalDomainName() + "/");
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("s3:PutObject")).resources(List.of(uploads)).build());
        }
        if (render) {
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("s3:GetObject", "s3:DeleteObject")).resources(List.of(uploads)).build());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("s3:PutObject", "s3:DeleteObject")).resources(List.of(renditions)).build());
        }
        if (prune) {
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("s3:DeleteObject")).resources(List.of(renditions)).build());
        }
        Nag.suppressMatching(role, "AwsSolutions-IAM5", "Objects under the images bucket's " + shop.verdant.contract.Buckets.UPLOADS
                + " or " + shop.verdant.contract.Buckets.RENDITIONS + " only: keys carry the upload's and product's ids, "
                + "so the object part is a pattern", "/^Resource::.+\\/(uploads|images\\/products)\\/\\*$/g");
    }

    /**
     * The user-pool needs, each exactly its admin actions on its pool: the call centre finds customers and signs new ones
     * up in the customers' pool (with a random password nobody learns, so that "forgot password" works for them); admins
     * invite merchants to the staff pool and make them merchants. No deletes, no group removal, nothing else.
     */
    /** The staff pool's needs, each exactly its actions: a merchant's id is the only attribute any function writes. */
    private static final Map<Need, List<String>> STAFF_POOL_ACTIONS = Map.of(
            Need.MERCHANT_ONBOARDING, List.of("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser",
                    "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminAddUserToGroup"),
            Need.STAFF_ONBOARDING, List.of("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser", "cognito-idp:AdminAddUserToGroup"),
            Need.STAFF_DIRECTORY, List.of("cognito-idp:ListUsersInGroup"),
            Need.STAFF_OFFBOARDING, List.of("cognito-idp:ListUsersInGroup", "cognito-idp:AdminRemoveUserFromGroup"));

    private void userPool(Handler handler, UserPools pools, Role role) {
        var needs = handler.needs();
        // in the needs' declared order, so a template is the same at every synth
        List<String> staffActions = java.util.Arrays.stream(Need.values()).filter(n -> needs.contains(n) && STAFF_POOL_ACTIONS.containsKey(n))
                .flatMap(n -> STAFF_POOL_ACTIONS.get(n).stream()).distinct().toList();
        if (!needs.contains(Need.CUSTOMER_DIRECTORY) && staffActions.isEmpty()) {
            return;
        }
        if (pools == null) {
            throw new IllegalArgumentException(handler.className() + " reads a user pool, which was not given");
        }
        if (needs.contains(Need.CUSTOMER_DIRECTORY)) {
            function.addEnvironment("USER_POOL_ID", pools.customersId());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword",
                            "cognito-idp:AdminAddUserToGroup")).resources(List.of(pools.customersArn())).build());
        }
        if (!staffActions.isEmpty()) {
            function.addEnvironment("STAFF_POOL_ID", pools.staffId());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(staffActions).resources(List.of(pools.staffArn())).build());
        }
    }

    /** What the tracking needs of this function call for: its subscription, and its stream or index grants. */
    private void track(Handler handler, Tracking t, LogGroup logs, Role role) {
        var needs = handler.needs();
        if (t == null) {
            if (needs.contains(Need.BEHAVIOUR_LOG) || needs.contains(Need.BEHAVIOUR_STREAM) || needs.contains(Need.OPENSEARCH_READ)
                    || needs.contains(Need.OPENSEARCH_ADMIN) || needs.contains(Need.DASHBOARDS_SIGN_IN)) {
                throw new IllegalArgumentException(handler.className() + " needs the tracking pipeline, which was not given");
            }
            return;
        }
        if (needs.contains(Need.BEHAVIOUR_LOG)) {
            function.addEnvironment("BEHAVIOUR_SINK", "log");
            software.amazon.awscdk.services.logs.CfnSubscriptionFilter.Builder.create(this, "Behaviour")
                    .logGroupName(logs.getLogGroupName())
                    .filterName("behaviour-events")
                    .filterPattern(shop.verdant.contract.BehaviourLog.FILTER_PATTERN)
                    .destinationArn(t.behaviourLogStreamArn())
                    .roleArn(t.logsToFirehose().getRoleArn())
                    .build();
        }
        if (needs.contains(Need.BEHAVIOUR_STREAM)) {
            function.addEnvironment("BEHAVIOUR_STREAM", t.behaviourDirectStream());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("firehose:PutRecordBatch")).resources(List.of(t.behaviourDirectStreamArn())).build());
        }
        if (needs.contains(Need.DASHBOARDS_SIGN_IN)) {
            var signIn = t.signIn();
            function.addEnvironment("USER_POOL_ID", signIn.userPoolId());
            function.addEnvironment("IDENTITY_POOL_ID", signIn.identityPoolId());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("cognito-idp:ListUserPoolClients")).resources(List.of(signIn.userPoolArn())).build());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("cognito-identity:GetIdentityPoolRoles", "cognito-identity:SetIdentityPoolRoles"))
                    .resources(List.of(signIn.identityPoolArn())).build());
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("iam:PassRole")).resources(signIn.identityRoleArns()).build());
        }
        if (needs.contains(Need.OPENSEARCH_ADMIN) || needs.contains(Need.OPENSEARCH_READ)) {
            // the domain; the admin signs in as the master user (its secret is granted like any other), readers by role
            function.addEnvironment("OPENSEARCH_URL", "https://" + t.domainEndpoint());
            function.addEnvironment("OPENSEARCH_SIGNING", "aws");
        }
        if (needs.contains(Need.OPENSEARCH_READ)) {
            role.addToPolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .actions(List.of("es:ESHttpGet", "es:ESHttpPost"))
                    .resources(List.of(t.domainArn() + "/behaviour-*")).build());
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "GET and POST (searches) on the behaviour indices only: one index "
                    + "per day, so the index part of the path is a pattern", "/^Resource::.+\\/behaviour-\\*$/g");
        }
    }

    /** Exactly the actions of {@link TableAccess}, on the table and (for Query) its indexes. */
    private void grant(Role role, ITable table, TableAccess access, TableSpec spec) {
        if (table == null) {
            throw new IllegalArgumentException("no table " + spec.logicalName() + " for " + function.getNode().getPath());
        }
        table.grant(function, actions(access).toArray(String[]::new));
        if (!spec.globalIndexes().isEmpty()) {
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "Query on the declared tables' own indexes "
                    + "(<table>/index/*); the actions are the handler's declared access only", INDEX_RESOURCES);
        }
    }

    private static final List<String> READS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable");

    /** The IAM actions of each access: reads; reads plus UpdateItem; reads plus every write; PutItem alone. */
    static List<String> actions(TableAccess access) {
        if (access == TableAccess.APPEND) {
            return List.of("dynamodb:PutItem");
        }
        List<String> out = new java.util.ArrayList<>(READS);
        switch (access) {
            case READ, APPEND -> { }
            case STOCK -> out.add("dynamodb:UpdateItem");
            case WRITE -> out.addAll(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem"));
        }
        return out;
    }

    /** The only wildcard a function's policy may carry: its tables' indexes. */
    static final String INDEX_RESOURCES = "/^Resource::.+\\/index\\/\\*$/g";

    public Handler handler() {
        return handler;
    }

    public Function function() {
        return function;
    }

    public Alias live() {
        return live;
    }
}
