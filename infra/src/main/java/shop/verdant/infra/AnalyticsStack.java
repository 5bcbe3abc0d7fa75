package shop.verdant.infra;

import java.util.List;
import java.util.Map;
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

    public record Props(CacheStack network) {
    }

    public AnalyticsStack(Construct scope, String id, StackProps props, Props p) {
        super(scope, id, props);
        SecurityGroup group = SecurityGroup.Builder.create(this, "SearchGroup")
                .vpc(p.network().vpc()).description("OpenSearch domain").allowAllOutbound(false).build();
        group.addIngressRule(p.network().catalogFunctions(), Port.tcp(443), "catalog functions to OpenSearch");
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
                .fineGrainedAccessControl(AdvancedSecurityOptions.builder().masterUserName("verdant-admin").build())
                .logging(LoggingOptions.builder()
                        .slowSearchLogEnabled(true).slowSearchLogGroup(slowSearch)
                        .slowIndexLogEnabled(true).slowIndexLogGroup(slowIndex)
                        .appLogEnabled(true).appLogGroup(errors)
                        .build())
                // a short prefix expands to one clause per matching term: a large catalog has thousands
                .advancedOptions(Map.of("indices.query.bool.max_clause_count", "16384"))
                .suppressLogsResourcePolicy(true)
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
        Nag.suppress(domain, "AwsSolutions-SMG4", "The fine-grained access control master user is for break-glass "
                + "administration only (the functions sign with their IAM roles); its password is changed through the "
                + "domain's configuration by the procedure in the README, not by a rotation Lambda with es:UpdateDomainConfig.");
        Nag.suppress(domain, "AwsSolutions-OS3", "The domain is in isolated subnets of the VPC, reachable only from "
                + "the catalog functions' security group; an IP allowlist adds nothing inside a VPC.");
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
