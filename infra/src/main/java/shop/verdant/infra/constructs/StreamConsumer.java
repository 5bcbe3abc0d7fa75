package shop.verdant.infra.constructs;

import shop.verdant.contract.TableStream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** A table's stream feeding a function: batches, per-record failures, bisection, retries, then a failure queue. */
public final class StreamConsumer extends Construct {
    public record Props(TableStream trigger, ITable table, Alias target) {
    }

    private final Queue failures;
    private final Alias target;

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
        Nag.suppressMatching(props.target().getLambda().getRole(), "AwsSolutions-IAM5", "dynamodb:ListStreams, which Lambda's "
                + "stream event source calls, takes no resource; the stream reads themselves name this table's stream",
                "/^Resource::\\*$/g");
        props.target().addEventSource(DynamoEventSource.Builder.create(props.table())
                .startingPosition(StartingPosition.LATEST)
                .batchSize(100)
                .maxBatchingWindow(Duration.seconds(1))
                .bisectBatchOnError(true)
                .retryAttempts(5)
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(failures))
                .build());
    }

    public Alias target() {
        return target;
    }

    /** Records that failed every retry: its depth is alarmed on. */
    public Queue failures() {
        return failures;
    }
}
