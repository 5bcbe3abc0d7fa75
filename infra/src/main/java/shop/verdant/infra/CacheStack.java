package shop.verdant.infra;

import shop.verdant.infra.constructs.Nag;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The network and the catalog cache: a VPC with isolated subnets only (no NAT: what runs inside talks
 * to DynamoDB and S3 through gateway endpoints and to Redis), and ElastiCache Redis with TLS in transit
 * and encryption at rest, reachable only from the catalog functions' security group.
 */
public final class CacheStack extends Stack {
    /** Not the well-known 6379: scanners probe that one first. */
    public static final int REDIS_PORT = 6390;

    private final Vpc vpc;
    private final SecurityGroup catalogFunctions;
    private final CfnReplicationGroup redis;
    private final Secret authToken;

    public CacheStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .build();
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB).build());
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).build());
        vpc.addFlowLog("FlowLog");
        // The catalog functions read their secrets (Redis auth token, cursor keys) without a route out of the VPC.
        vpc.addInterfaceEndpoint("SecretsManager", InterfaceVpcEndpointOptions.builder()
                .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER).privateDnsEnabled(true).build());

        // Outbound is open, but the subnets have no route out of the VPC: only the endpoints and Redis are reachable.
        catalogFunctions = SecurityGroup.Builder.create(this, "CatalogFunctions")
                .vpc(vpc).description("Catalog Lambda functions").allowAllOutbound(true).build();
        SecurityGroup redisGroup = SecurityGroup.Builder.create(this, "RedisGroup")
                .vpc(vpc).description("ElastiCache Redis for the catalog").allowAllOutbound(false).build();
        redisGroup.addIngressRule(catalogFunctions, Port.tcp(REDIS_PORT), "catalog functions to Redis");

        CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "RedisSubnets")
                .description("Verdant catalog cache subnets")
                .subnetIds(vpc.selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                        .getSubnetIds())
                .build();
        authToken = Secret.Builder.create(this, "RedisAuthToken")
                .description("ElastiCache auth token: catalog functions AUTH with it")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).includeSpace(false)
                        .passwordLength(64).build())
                .build();
        Nag.suppress(authToken, "AwsSolutions-SMG4", "ElastiCache changes an auth token with ROTATE then SET on the "
                + "replication group; done by the procedure in the README, not by a rotation Lambda that would need "
                + "ElastiCache admin rights.");
        redis = CfnReplicationGroup.Builder.create(this, "Redis")
                .replicationGroupDescription("Verdant catalog snapshot and page cache")
                .engine("redis")
                .engineVersion("7.1")
                .cacheNodeType("cache.t4g.small")
                .numCacheClusters(2)
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                .transitEncryptionEnabled(true)
                .authToken(authToken.getSecretValue().unsafeUnwrap())
                .atRestEncryptionEnabled(true)
                .port(REDIS_PORT)
                .cacheSubnetGroupName(subnets.getRef())
                .securityGroupIds(List.of(redisGroup.getSecurityGroupId()))
                .build();
    }

    /**
     * The zones as {@code Fn::GetAZs} picks them at deploy time, so a synth without AWS credentials names no
     * placeholder zones (CDK's default for a stack with an account and region is a context lookup).
     */
    @Override
    public List<String> getAvailabilityZones() {
        return List.of(Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs()));
    }

    public String replicationGroupId() {
        return redis.getRef();
    }

    /** The Redis auth token. */
    public Secret authToken() {
        return authToken;
    }

    public Vpc vpc() {
        return vpc;
    }

    public SecurityGroup catalogFunctions() {
        return catalogFunctions;
    }

    /** The Redis URL the catalog functions use: TLS, primary endpoint. */
    public String redisUrl() {
        return "rediss://" + redis.getAttrPrimaryEndPointAddress() + ":" + redis.getAttrPrimaryEndPointPort();
    }
}
