package shop.verdant.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A stream feeding a function (a table's DynamoDB stream, or the Kinesis change feed of the audited tables): batches,
 * per-record failures, bisection, retries, then a failure queue.
 */
public final class StreamConsumer extends Construct {
    /** {@code source}: the event source, given the failure queue it sends what failed every retry to. */
    public record Props(Alias target, java.util.function.Function<SqsDlq, software.amazon.awscdk.services.lambda.IEventSource> source) {
    }

    private final Queue failures;
    private final Alias target;

    /** A table's own DynamoDB stream. */
    public static StreamConsumer ofTable(Construct scope, ITable table, Alias target) {
        Nag.suppressMatching(target.getLambda().getRole(), "AwsSolutions-IAM5", "dynamodb:ListStreams, which Lambda's "
                + "stream event source calls, takes no resource; the stream reads themselves name this table's stream",
                "/^Resource::\\*$/g");
        return new StreamConsumer(scope, "Stream", new Props(target, dlq -> DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.LATEST)
                .batchSize(100)
                .maxBatchingWindow(Duration.seconds(1))
                .bisectBatchOnError(true)
                .retryAttempts(5)
                .reportBatchItemFailures(true)
                .onFailure(dlq)
                .build()));
    }

    /**
     * The Kinesis data stream the audited tables write their changes to. From its oldest record on the first deploy, so
     * nothing written before the consumer existed is missed; retried far longer than a table stream, because a change
     * that failed every retry is a hole in the audit log (it waits in the failure queue to be replayed).
     */
    public static StreamConsumer ofFeed(Construct scope, software.amazon.awscdk.services.kinesis.IStream stream, Alias target) {
        return new StreamConsumer(scope, "Feed", new Props(target, dlq ->
                software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource.Builder.create(stream)
                        .startingPosition(StartingPosition.TRIM_HORIZON)
                        .batchSize(100)
                        .maxBatchingWindow(Duration.seconds(1))
                        .bisectBatchOnError(true)
                        .retryAttempts(20)
                        .reportBatchItemFailures(true)
                        .onFailure(dlq)
                        .build()));
    }

    public StreamConsumer(Construct scope, String id, Props props) {
        super(scope, id);
        this.target = props.target();
        failures = Queue.Builder.create(this, "Failures")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Nag.suppress(failures, "AwsSolutions-SQS3", "This queue is itself the dead-letter destination of the "
                + "stream consumer (records that failed every retry); a queue behind it would never be read.");
        props.target().addEventSource(props.source().apply(new SqsDlq(failures)));
    }

    public Alias target() {
        return target;
    }

    /** Records that failed every retry: its depth is alarmed on. */
    public Queue failures() {
        return failures;
    }
}
