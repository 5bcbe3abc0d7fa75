package shop.verdant.infra.constructs;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogStream;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * A Firehose delivery stream into the OpenSearch domain, as the tracking pipeline needs it: direct put, encrypted,
 * buffered ({@code bufferSeconds} or 5 MiB), one index per day ({@code <index>-yyyy-MM-dd}), retried for 5 minutes,
 * and every document OpenSearch refused (or that could not be unpacked) kept in the S3 backup under
 * {@code <index>/}; delivery errors are logged to CloudWatch. {@code fromCloudWatchLogs}: the records are CloudWatch
 * Logs subscription batches, unpacked by Firehose itself (decompression and message extraction, no Lambda).
 */
public final class DeliveryStream extends Construct {

    public record Props(String streamName, String index, boolean fromCloudWatchLogs, int bufferSeconds, String domainArn,
                        IRole role, IBucket backup, LogGroup errors, List<String> subnetIds, ISecurityGroup securityGroup) {
    }

    private final CfnDeliveryStream stream;

    public DeliveryStream(Construct scope, String id, Props p) {
        super(scope, id);
        LogStream errors = LogStream.Builder.create(this, "Errors").logGroup(p.errors()).logStreamName(p.streamName()).build();
        var logging = CfnDeliveryStream.CloudWatchLoggingOptionsProperty.builder()
                .enabled(true).logGroupName(p.errors().getLogGroupName()).logStreamName(errors.getLogStreamName()).build();
        CfnDeliveryStream.AmazonopensearchserviceDestinationConfigurationProperty.Builder destination =
                CfnDeliveryStream.AmazonopensearchserviceDestinationConfigurationProperty.builder()
                        .domainArn(p.domainArn())
                        .indexName(p.index())
                        .indexRotationPeriod("OneDay")
                        .roleArn(p.role().getRoleArn())
                        .bufferingHints(CfnDeliveryStream.AmazonopensearchserviceBufferingHintsProperty.builder()
                                .intervalInSeconds(p.bufferSeconds()).sizeInMBs(5).build())
                        .retryOptions(CfnDeliveryStream.AmazonopensearchserviceRetryOptionsProperty.builder()
                                .durationInSeconds(300).build())
                        .s3BackupMode("FailedDocumentsOnly")
                        .s3Configuration(CfnDeliveryStream.S3DestinationConfigurationProperty.builder()
                                .bucketArn(p.backup().getBucketArn())
                                .roleArn(p.role().getRoleArn())
                                .prefix(p.index() + "/")
                                .errorOutputPrefix(p.index() + "/!{firehose:error-output-type}/")
                                .compressionFormat("GZIP")
                                .bufferingHints(CfnDeliveryStream.BufferingHintsProperty.builder()
                                        .intervalInSeconds(300).sizeInMBs(5).build())
                                .cloudWatchLoggingOptions(logging)
                                .build())
                        .cloudWatchLoggingOptions(logging)
                        .vpcConfiguration(CfnDeliveryStream.VpcConfigurationProperty.builder()
                                .roleArn(p.role().getRoleArn())
                                .subnetIds(p.subnetIds())
                                .securityGroupIds(List.of(p.securityGroup().getSecurityGroupId()))
                                .build());
        if (p.fromCloudWatchLogs()) {
            destination.processingConfiguration(CfnDeliveryStream.ProcessingConfigurationProperty.builder()
                    .enabled(true)
                    .processors(List.of(
                            CfnDeliveryStream.ProcessorProperty.builder().type("Decompression").parameters(List.of(
                                    CfnDeliveryStream.ProcessorParameterProperty.builder()
                                            .parameterName("CompressionFormat").parameterValue("GZIP").build())).build(),
                            CfnDeliveryStream.ProcessorProperty.builder().type("CloudWatchLogProcessing").parameters(List.of(
                                    CfnDeliveryStream.ProcessorParameterProperty.builder()
                                            .parameterName("DataMessageExtraction").parameterValue("true").build())).build()))
                    .build());
        }
        stream = CfnDeliveryStream.Builder.create(this, "Stream")
                .deliveryStreamName(p.streamName())
                .deliveryStreamType("DirectPut")
                .deliveryStreamEncryptionConfigurationInput(CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty
                        .builder().keyType("AWS_OWNED_CMK").build())
                .amazonopensearchserviceDestinationConfiguration(destination.build())
                .build();
        stream.getNode().addDependency(p.role());
    }

    public CfnDeliveryStream stream() {
        return stream;
    }

    public String name() {
        return stream.getDeliveryStreamName();
    }

    public String arn() {
        return stream.getAttrArn();
    }

    /** A metric of this stream ({@code AWS/Firehose}), e.g. DeliveryToAmazonOpenSearchService.Success. */
    public Metric metric(String name, String statistic) {
        return Metric.Builder.create().namespace("AWS/Firehose").metricName(name)
                .dimensionsMap(java.util.Map.of("DeliveryStreamName", stream.getDeliveryStreamName()))
                .statistic(statistic).period(software.amazon.awscdk.Duration.minutes(5)).build();
    }
}
