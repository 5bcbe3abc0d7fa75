package shop.verdant.infra.constructs;

import java.util.List;
import java.util.Map;
import shop.verdant.contract.BucketEvent;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A bucket's "Object Created" events under a prefix, through EventBridge (the bucket sends its events there), to a
 * function: retried for up to six hours, then kept in a dead-letter queue (alarmed). EventBridge rather than the
 * bucket's own notifications keeps the data stack free of references to the functions.
 */
public final class BucketTrigger extends Construct {
    public record Props(BucketEvent trigger, IBucket bucket, Alias target) {
    }

    private final Queue failures;

    public BucketTrigger(Construct scope, String id, Props props) {
        super(scope, id);
        failures = Queue.Builder.create(this, "Failures")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Nag.suppress(failures, "AwsSolutions-SQS3", "This queue is itself the dead-letter destination of the bucket "
                + "event's rule (events that failed every retry); a queue behind it would never be read.");
        Rule.Builder.create(this, "Rule")
                .description(props.trigger().handler().functionName() + ": objects created under "
                        + props.trigger().prefix())
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of("bucket", Map.of("name", List.of(props.bucket().getBucketName())),
                                "object", Map.of("key", List.of(Map.of("prefix", props.trigger().prefix())))))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(props.target())
                        .deadLetterQueue(failures)
                        .retryAttempts(8)
                        .maxEventAge(Duration.hours(6))
                        .build()))
                .build();
    }

    /** Events that failed every retry: its depth is alarmed on. */
    public Queue failures() {
        return failures;
    }
}
