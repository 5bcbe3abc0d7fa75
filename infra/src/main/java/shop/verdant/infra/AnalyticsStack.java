package shop.verdant.infra;

import java.util.List;
import java.util.Map;
import shop.verdant.infra.constructs.DeliveryStream;
import shop.verdant.infra.constructs.Nag;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.opensearchservice.AdvancedSecurityOptions;
import software.amazon.awscdk.services.opensearchservice.CapacityConfig;
import software.amazon.awscdk.services.opensearchservice.Domain;
import software.amazon.awscdk.services.opensearchservice.EbsOptions;
import software.amazon.awscdk.services.opensearchservice.EncryptionAtRestOptions;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;
import software.amazon.awscdk.services.opensearchservice.LoggingOptions;
import software.amazon.awscdk.services.opensearchservice.TLSSecurityPolicy;
import software.amazon.awscdk.services.opensearchservice.ZoneAwarenessConfig;
import software.constructs.Construct;

/**
 * The OpenSearch domain that catalog search (past one function's memory) and behaviour tracking share, in the
 * catalog VPC's isolated subnets, reachable on 443 from the catalog functions only. Sized deliberately (the
 * README states the monthly cost): two r6g.large data nodes in two zones (16 GiB each; a replica of every shard
 * in the other zone) with 100 GiB gp3 each, and three m6g.large dedicated cluster managers so a lost zone never
 * splits the cluster. Encrypted at rest and between nodes, HTTPS only with TLS 1.2, fine-grained access control
 * (the master user's password generated into Secrets Manager), slow and error logs to CloudWatch.
 */
public final class AnalyticsStack extends Stack {
    /** The sizing the README prices. */
    public static final String DATA_NODE = "r6g.large.search";
    public static final String MANAGER_NODE = "m6g.large.search";
    public static final int DATA_NODES = 2;
    public static final int MANAGERS = 3;
    public static final int VOLUME_GIB = 100;

    private final Domain domain;
    private final software.amazon.awscdk.services.secretsmanager.Secret masterUser;
    static final String MASTER_USER = "verdant-admin";

    /** The master user's name and password (JSON), read by the deploy hook only. */
    public software.amazon.awscdk.services.secretsmanager.Secret masterUser() {
        return masterUser;
    }

    public record Props(CacheStack network, DataStack data, AuthStack auth) {
    }

    /** The streams' names; API Gateway's access-log destination must be named amazon-apigateway-*. */
    public static final String ACCESS_LOG_STREAM = "amazon-apigateway-verdant-access-logs";
    public static final String BEHAVIOUR_LOG_STREAM = "verdant-behaviour-logs";
    public static final String BEHAVIOUR_DIRECT_STREAM = "verdant-behaviour-direct";
    /** How long Firehose buffers before it delivers: what "searchable" waits for on AWS, beside the 1 s refresh. */
    public static final int BUFFER_SECONDS = 60;

    private SecurityGroup insightsFunctions;
    private DeliveryStream accessLogs;
    private DeliveryStream behaviourLogs;
    private DeliveryStream behaviourDirect;
    private software.amazon.awscdk.services.iam.Role logsToFirehose;
    private software.amazon.awscdk.services.iam.Role firehose;
    private software.amazon.awscdk.services.s3.Bucket failedDocuments;

    public AnalyticsStack(Construct scope, String id, StackProps props, Props p) {
        super(scope, id, props);
        SecurityGroup group = SecurityGroup.Builder.create(this, "SearchGroup")
                .vpc(p.network().vpc()).description("OpenSearch domain").allowAllOutbound(false).build();
        group.addIngressRule(p.network().catalogFunctions(), Port.tcp(443), "catalog functions to OpenSearch");
        insightsFunctions = SecurityGroup.Builder.create(this, "InsightsFunctions")
                .vpc(p.network().vpc()).description("Insights Lambda functions (read the behaviour indices)").allowAllOutbound(true).build();
        group.addIngressRule(insightsFunctions, Port.tcp(443), "insights functions to OpenSearch");
        SecurityGroup firehoseGroup = SecurityGroup.Builder.create(this, "FirehoseDelivery")
                .vpc(p.network().vpc()).description("Firehose delivery into OpenSearch").allowAllOutbound(false).build();
        firehoseGroup.addEgressRule(group, Port.tcp(443), "Firehose to OpenSearch");
        group.addIngressRule(firehoseGroup, Port.tcp(443), "Firehose delivery to OpenSearch");
        LogGroup slowSearch = logs("SlowSearchLogs");
        LogGroup slowIndex = logs("SlowIndexLogs");
        LogGroup errors = logs("AppLogs");
        // The domain's log delivery is allowed by one resource policy here, not by CDK's custom-resource Lambda.
        software.amazon.awscdk.services.logs.ResourcePolicy logDelivery = software.amazon.awscdk.services.logs.ResourcePolicy.Builder
                .create(this, "LogDelivery")
                .policyStatements(List.of(PolicyStatement.Builder.create()
                        .effect(Effect.ALLOW)
                        .principals(List.of(new software.amazon.awscdk.services.iam.ServicePrincipal("es.amazonaws.com")))
                        .actions(List.of("logs:PutLogEvents", "logs:CreateLogStream"))
                        .resources(List.of(slowSearch.getLogGroupArn(), slowIndex.getLogGroupArn(), errors.getLogGroupArn()))
                        .build()))
                .build();
        // the master user signs in to the security and Dashboards APIs on deploy (the tracking setup hook) and for break-glass
        masterUser = software.amazon.awscdk.services.secretsmanager.Secret.Builder.create(this, "MasterUser")
                .description("OpenSearch fine-grained access control master user ({\"username\",\"password\"})")
                .generateSecretString(software.amazon.awscdk.services.secretsmanager.SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + MASTER_USER + "\"}").generateStringKey("password")
                        .passwordLength(32).requireEachIncludedType(true).excludeCharacters("\"\\/@' ").build())
                .build();
        Nag.suppress(masterUser, "AwsSolutions-SMG4", "The fine-grained access control master user is for the deploy hook "
                + "and break-glass administration only (the functions sign with their IAM roles); its password is changed "
                + "through the domain's configuration by the procedure in the README, not by a rotation Lambda.");
        domain = Domain.Builder.create(this, "Domain")
                .version(EngineVersion.OPENSEARCH_2_19)
                .vpc(p.network().vpc())
                .vpcSubnets(List.of(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()))
                .securityGroups(List.of(group))
                .capacity(CapacityConfig.builder()
                        .dataNodes(DATA_NODES).dataNodeInstanceType(DATA_NODE)
                        .masterNodes(MANAGERS).masterNodeInstanceType(MANAGER_NODE)
                        .multiAzWithStandbyEnabled(false)
                        .build())
                .zoneAwareness(ZoneAwarenessConfig.builder().enabled(true).availabilityZoneCount(2).build())
                .ebs(EbsOptions.builder().volumeSize(VOLUME_GIB)
                        .volumeType(software.amazon.awscdk.services.ec2.EbsDeviceVolumeType.GP3).build())
                .encryptionAtRest(EncryptionAtRestOptions.builder().enabled(true).build())
                .nodeToNodeEncryption(true)
                .enforceHttps(true)
                .tlsSecurityPolicy(TLSSecurityPolicy.TLS_1_2)
                .fineGrainedAccessControl(AdvancedSecurityOptions.builder().masterUserName(MASTER_USER)
                        .masterUserPassword(masterUser.secretValueFromJson("password")).build())
                .logging(LoggingOptions.builder()
                        .slowSearchLogEnabled(true).slowSearchLogGroup(slowSearch)
                        .slowIndexLogEnabled(true).slowIndexLogGroup(slowIndex)
                        .appLogEnabled(true).appLogGroup(errors)
                        .build())
                // a short prefix expands to one clause per matching term: a large catalog has thousands
                .advancedOptions(Map.of("indices.query.bool.max_clause_count", "16384"))
                .suppressLogsResourcePolicy(true)
                .cognitoDashboardsAuth(software.amazon.awscdk.services.opensearchservice.CognitoOptions.builder()
                        .userPoolId(p.auth().staff().getUserPoolId())
                        .identityPoolId(p.auth().dashboardsIdentities().getIdentityPoolId())
                        .role(software.amazon.awscdk.services.iam.Role.Builder.create(this, "DashboardsCognito")
                                .description("Lets OpenSearch configure Cognito sign-in for Dashboards")
                                .assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal("opensearchservice.amazonaws.com"))
                                .managedPolicies(List.of(software.amazon.awscdk.services.iam.ManagedPolicy
                                        .fromAwsManagedPolicyName("AmazonOpenSearchServiceCognitoAccess")))
                                .build())
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        domain.getNode().addDependency(logDelivery);
        // The access policy on the domain resource itself (CDK's accessPolicies prop writes it through a
        // custom-resource Lambda): principals of this account, then fine-grained access control maps them to roles.
        ((software.amazon.awscdk.services.opensearchservice.CfnDomain) domain.getNode().getDefaultChild()).setAccessPolicies(
                new software.amazon.awscdk.services.iam.PolicyDocument(software.amazon.awscdk.services.iam.PolicyDocumentProps.builder()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .principals(List.of(new AccountRootPrincipal()))
                                .actions(List.of("es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"))
                                .resources(List.of(Fn.join("", List.of("arn:", Stack.of(this).getPartition(), ":es:",
                                        Stack.of(this).getRegion(), ":", Stack.of(this).getAccount(), ":domain/*/*"))))
                                .build()))
                        .build()).toJSON());
        Nag.suppressPath(this, "/" + getStackName() + "/DashboardsCognito/Resource", "AwsSolutions-IAM4",
                "AmazonOpenSearchServiceCognitoAccess is the policy OpenSearch documents for configuring Cognito sign-in "
                        + "to Dashboards (the user pool's app client and the identity pool's provider); nothing else uses the role",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonOpenSearchServiceCognitoAccess"));
        tracking(p, firehoseGroup);
        Nag.suppress(domain, "AwsSolutions-OS3", "The domain is in isolated subnets of the VPC, reachable only from "
                + "the catalog functions' security group; an IP allowlist adds nothing inside a VPC.");
    }

    /**
     * The tracking pipeline: three delivery streams into the domain (API access logs, behaviour lines shipped from the
     * functions' log groups, behaviour records put directly), their role, the S3 backup of what OpenSearch refused,
     * and the role CloudWatch Logs uses to ship subscribed lines.
     */
    private void tracking(Props p, SecurityGroup firehoseGroup) {
        failedDocuments = PrivateBucket.builder(this, "FailedDocuments")
                .serverAccessLogsBucket(p.data().accessLogs())
                .serverAccessLogsPrefix("failed-documents/")
                .lifecycleRules(List.of(software.amazon.awscdk.services.s3.LifecycleRule.builder()
                        .expiration(software.amazon.awscdk.Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        LogGroup errors = logs("DeliveryErrors");
        firehose = software.amazon.awscdk.services.iam.Role.Builder.create(this, "FirehoseRole")
                .description("Firehose: deliver into the OpenSearch domain from its VPC, back up failed documents")
                .assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal("firehose.amazonaws.com"))
                .build();
        failedDocuments.grantWrite(firehose);
        errors.grantWrite(firehose);
        firehose.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("es:DescribeDomain", "es:DescribeDomains", "es:DescribeDomainConfig", "es:ESHttpPost", "es:ESHttpPut",
                        "es:ESHttpGet"))
                .resources(List.of(domain.getDomainArn(), domain.getDomainArn() + "/*"))
                .build());
        firehose.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
                        "ec2:DescribeNetworkInterfaces", "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterface"))
                .resources(List.of("*"))
                .build());
        Nag.suppressMatching(firehose, "AwsSolutions-IAM5", "Firehose's VPC delivery manages its own network interfaces "
                + "(EC2 ENI actions take no resource scoping); the domain's sub-resources are its index paths; the S3 "
                + "actions are CDK's grantWrite on the backup bucket's objects",
                "/^(Resource::\\*|Resource::<Domain.+\\.Arn>/\\*|Action::s3:.+|Resource::<FailedDocuments.+\\.Arn>/\\*|Resource::<DeliveryErrors.+\\.Arn>:\\*)$/g");
        List<String> subnets = p.network().vpc().selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED)
                .build()).getSubnetIds();
        accessLogs = new DeliveryStream(this, "AccessLogStream", new DeliveryStream.Props(ACCESS_LOG_STREAM, "access-logs", false,
                BUFFER_SECONDS, domain.getDomainArn(), firehose, failedDocuments, errors, subnets, firehoseGroup));
        behaviourLogs = new DeliveryStream(this, "BehaviourLogStream", new DeliveryStream.Props(BEHAVIOUR_LOG_STREAM, "behaviour",
                true, BUFFER_SECONDS, domain.getDomainArn(), firehose, failedDocuments, errors, subnets, firehoseGroup));
        behaviourDirect = new DeliveryStream(this, "BehaviourDirectStream", new DeliveryStream.Props(BEHAVIOUR_DIRECT_STREAM,
                "behaviour", false, BUFFER_SECONDS, domain.getDomainArn(), firehose, failedDocuments, errors, subnets, firehoseGroup));
        logsToFirehose = software.amazon.awscdk.services.iam.Role.Builder.create(this, "LogsToFirehose")
                .description("CloudWatch Logs: ship the functions' behaviour lines into the behaviour stream")
                .assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal("logs.amazonaws.com",
                        software.amazon.awscdk.services.iam.ServicePrincipalOpts.builder().conditions(Map.of("StringEquals",
                                Map.of("aws:SourceAccount", getAccount()))).build()))
                .build();
        logsToFirehose.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("firehose:PutRecord", "firehose:PutRecordBatch"))
                .resources(List.of(behaviourLogs.arn()))
                .build());
    }

    /** Functions that read the behaviour indices run in the VPC with this group (allowed into the domain). */
    public SecurityGroup insightsFunctions() {
        return insightsFunctions;
    }

    /** The stage's access-log destination. */
    public DeliveryStream accessLogs() {
        return accessLogs;
    }

    /** Fed by subscription filters on the functions that emit behaviour lines. */
    public DeliveryStream behaviourLogs() {
        return behaviourLogs;
    }

    /** Fed by PutRecordBatch (the Orders stream consumer). */
    public DeliveryStream behaviourDirect() {
        return behaviourDirect;
    }

    public List<DeliveryStream> streams() {
        return List.of(accessLogs, behaviourLogs, behaviourDirect);
    }

    /** The role CloudWatch Logs assumes to put subscribed lines into {@link #behaviourLogs()}. */
    public software.amazon.awscdk.services.iam.Role logsToFirehose() {
        return logsToFirehose;
    }

    /** Firehose's delivery role (fine-grained access control maps it to a writer of the tracking indices). */
    public software.amazon.awscdk.services.iam.Role firehoseRole() {
        return firehose;
    }

    private LogGroup logs(String id) {
        return LogGroup.Builder.create(this, id).retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    }

    public Domain domain() {
        return domain;
    }

    @Override
    public List<String> getAvailabilityZones() {
        return List.of(Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs()));
    }
}
