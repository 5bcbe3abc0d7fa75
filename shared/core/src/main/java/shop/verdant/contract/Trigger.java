package shop.verdant.contract;

/**
 * Everything that invokes code, one kind per record. CDK and the local shop both dispatch every trigger
 * through a {@link Visitor}, so a new kind does not compile until both know what to do with it.
 */
public sealed interface Trigger permits Route, Schedule, TableStream, CognitoTrigger, DeployHook, BucketEvent,
        ChangeFeed {
    Handler handler();

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R route(Route route);

        R schedule(Schedule schedule);

        R stream(TableStream stream);

        R cognito(CognitoTrigger trigger);

        R deploy(DeployHook hook);

        R bucket(BucketEvent event);

        R feed(ChangeFeed feed);
    }
}
