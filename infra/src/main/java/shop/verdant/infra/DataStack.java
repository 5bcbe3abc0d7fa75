package shop.verdant.infra;

import shop.verdant.infra.constructs.Nag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Tables;
import software.constructs.Construct;

/**
 * Everything stateful: the tables (from {@link Tables}, the same specs the local shop creates) and the
 * product-images bucket. Retained on stack deletion and protected from it.
 */
public final class DataStack extends Stack {
    private final Map<TableSpec, ITable> tables = new LinkedHashMap<>();
    private final Bucket images;
    private final Bucket accessLogs;
    private final software.amazon.awscdk.services.kinesis.Stream changeFeed;

    /** The Kinesis data stream every audited table writes its changes to (its one reader is the audit writer). */
    public software.amazon.awscdk.services.kinesis.IStream changeFeed() {
        return changeFeed;
    }

    /** Where the shop's buckets write their server access logs. */
    public Bucket accessLogs() {
        return accessLogs;
    }

    public DataStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        // on demand: it scales with the shop's writes; 7 days, so a consumer down for a weekend loses nothing
        changeFeed = software.amazon.awscdk.services.kinesis.Stream.Builder.create(this, "ChangeFeed")
                .streamMode(software.amazon.awscdk.services.kinesis.StreamMode.ON_DEMAND)
                .encryption(software.amazon.awscdk.services.kinesis.StreamEncryption.MANAGED)
                .retentionPeriod(software.amazon.awscdk.Duration.days(7))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (TableSpec spec : Tables.ALL) {
            tables.put(spec, table(spec));
        }
        accessLogs = PrivateBucket.builder(this, "AccessLogs")
                .lifecycleRules(List.of(software.amazon.awscdk.services.s3.LifecycleRule.builder()
                        .expiration(software.amazon.awscdk.Duration.days(365)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(accessLogs, "AwsSolutions-S1", "This is the server-access-log target; logging it into itself would loop.");
        images = PrivateBucket.builder(this, "ProductImages")
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("product-images/")
                .versioned(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                // the image function follows uploads through EventBridge (no reference from here to the functions)
                .eventBridgeEnabled(true)
                // browsers upload straight here from the storefront (a presigned POST); nothing else is cross-origin
                .cors(List.of(software.amazon.awscdk.services.s3.CorsRule.builder()
                        .allowedOrigins(List.of(ShopUrl.origin(this)))
                        .allowedMethods(List.of(software.amazon.awscdk.services.s3.HttpMethods.POST))
                        .allowedHeaders(List.of("*"))
                        .maxAge(3000)
                        .build()))
                .lifecycleRules(List.of(
                        // an upload is taken or refused within seconds; one the function never saw is gone in a day
                        software.amazon.awscdk.services.s3.LifecycleRule.builder().id("uploads")
                                .prefix(shop.verdant.contract.Buckets.UPLOADS)
                                .expiration(software.amazon.awscdk.Duration.days(1)).build(),
                        // removed pictures stay recoverable for a month (the bucket is versioned), then go
                        software.amazon.awscdk.services.s3.LifecycleRule.builder().id("removed")
                                .noncurrentVersionExpiration(software.amazon.awscdk.Duration.days(30)).build()))
                .build();
        // turning on EventBridge delivery is a bucket-notification setting, which CDK applies with its own handler
        Nag.suppressPath(this, "/" + getStackName() + "/BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Role/Resource",
                "AwsSolutions-IAM4", "CDK's bucket-notifications handler (it only turns on the bucket's EventBridge delivery) "
                        + "logs with the AWS-managed basic execution policy.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        // CloudFront (in the site stack) reads images through Origin Access Control. Granting it here, to
        // this account's distributions, keeps the data stack free of references to the site stack.
        images.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(images.arnForObjects("images/*")))
                .conditions(Map.of(
                        "StringEquals", Map.of("AWS:SourceAccount", getAccount()),
                        "ArnLike", Map.of("AWS:SourceArn", "arn:aws:cloudfront::" + getAccount() + ":distribution/*")))
                .build());
    }

    private Table table(TableSpec spec) {
        Table table = Table.Builder.create(this, spec.logicalName())
                .partitionKey(attribute(spec.partitionKey()))
                .sortKey(spec.sortKey() == null ? null : attribute(spec.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .stream(spec.stream() ? StreamViewType.NEW_AND_OLD_IMAGES : null)
                .kinesisStream(fedTables().contains(spec) ? changeFeed : null)
                // two changes of an item within one millisecond keep their order on the audit log
                .kinesisPrecisionTimestamp(fedTables().contains(spec)
                        ? software.amazon.awscdk.services.dynamodb.ApproximateCreationDateTimePrecision.MICROSECOND : null)
                .timeToLiveAttribute(spec.ttlAttribute())
                .build();
        for (TableSpec.Index index : spec.globalIndexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(attribute(index.partitionKey()))
                    .sortKey(index.sortKey() == null ? null : attribute(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }

    /** The tables some function follows through the change feed. */
    private static java.util.Set<TableSpec> fedTables() {
        return shop.verdant.contract.Contract.TRIGGERS.stream()
                .filter(t -> t instanceof shop.verdant.contract.ChangeFeed)
                .flatMap(t -> ((shop.verdant.contract.ChangeFeed) t).tables().stream())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Attribute attribute(TableSpec.Key key) {
        return Attribute.builder().name(key.name())
                .type(key.type() == TableSpec.KeyType.S ? AttributeType.STRING : AttributeType.NUMBER).build();
    }


    /** Every table of the contract, by its spec. */
    public Map<TableSpec, ITable> tables() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    public Bucket images() {
        return images;
    }
}
