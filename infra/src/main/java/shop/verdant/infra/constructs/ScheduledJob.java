package shop.verdant.infra.constructs;

import java.util.List;
import shop.verdant.contract.Schedule;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.Alias;
import software.constructs.Construct;

/** A function EventBridge runs at the contract's rate, retried twice on failure. */
public final class ScheduledJob extends Construct {
    public record Props(Schedule trigger, Alias target) {
    }

    public ScheduledJob(Construct scope, String id, Props props) {
        super(scope, id);
        Rule.Builder.create(this, "Rule")
                .description(props.trigger().handler().description())
                .schedule(software.amazon.awscdk.services.events.Schedule.rate(Duration.minutes(props.trigger().everyMinutes())))
                .targets(List.of(new LambdaFunction(props.target(), LambdaFunctionProps.builder().retryAttempts(2).build())))
                .build();
    }
}
