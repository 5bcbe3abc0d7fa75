package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Route;
import shop.verdant.contract.Schedule;
import shop.verdant.contract.TableStream;
import shop.verdant.contract.Trigger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every trigger of the contract, played locally as AWS plays it: routes go to the gateway (API Gateway),
 * schedules to a timer (EventBridge), table streams to a poller (Lambda's DynamoDB event source) and
 * Cognito triggers to the Cognito proxy. A new trigger kind does not compile until it is handled here.
 */
final class LocalTriggers implements Trigger.Visitor<Void>, AutoCloseable {
    private final String dynamoEndpoint;
    private final DynamoDbClient dynamo;
    private final String userPoolId;
    private final int scheduleSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schedules");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> pollers = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<Runnable> schedules = new ArrayList<>();
    private final List<Trigger> dispatched = new ArrayList<>();
    private Consumer<String> postConfirmation = user -> { };
    private final List<shop.verdant.contract.BucketEvent> bucketEvents = new ArrayList<>();
    private final java.util.Map<shop.verdant.contract.BucketEvent, RequestHandler<java.util.Map<String, Object>, ?>> bucketHandlers =
            new java.util.LinkedHashMap<>();
    private final java.util.concurrent.ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bucket-events");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code scheduleSeconds}: how often a schedule runs here; AWS runs it at its rate in minutes, the local
     * shop more often so that what it does can be watched.
     */
    LocalTriggers(String dynamoEndpoint, DynamoDbClient dynamo, String userPoolId, int scheduleSeconds) {
        this.dynamoEndpoint = dynamoEndpoint;
        this.dynamo = dynamo;
        this.userPoolId = userPoolId;
        this.scheduleSeconds = scheduleSeconds;
    }

    /** Dispatches every trigger of the contract. */
    static LocalTriggers start(String dynamoEndpoint, DynamoDbClient dynamo, String userPoolId, int scheduleSeconds) {
        LocalTriggers triggers = new LocalTriggers(dynamoEndpoint, dynamo, userPoolId, scheduleSeconds);
        Contract.TRIGGERS.forEach(t -> {
            t.accept(triggers);
            triggers.dispatched.add(t);
        });
        return triggers;
    }

    @Override
    public Void route(Route route) {
        routes.add(route);
        return null;
    }

    @Override
    public Void schedule(Schedule schedule) {
        RequestHandler<ScheduledEvent, ?> handler = instantiate(schedule);
        String name = schedule.handler().functionName();
        schedules.add(() -> timer.scheduleWithFixedDelay(() -> {
            try {
                handler.handleRequest(new ScheduledEvent(), new LocalContext("schedule", name));
            } catch (RuntimeException e) {
                System.err.println(name + " failed (retried next run): " + e);
            }
        }, scheduleSeconds, scheduleSeconds, TimeUnit.SECONDS));
        return null;
    }

    /**
     * Starts the schedules' timers: once the shop is configured (a schedule that ran while settings such as the Stripe
     * stand-in's address were still being set would build its wiring without them, and keep it).
     */
    void startSchedules() {
        schedules.forEach(Runnable::run);
        schedules.clear();
    }

    @Override
    public Void stream(TableStream stream) {
        RequestHandler<DynamodbEvent, StreamsEventResponse> handler = instantiate(stream);
        pollers.add(new StreamPoller(dynamoEndpoint, dynamo, stream.table().logicalName(), handler));
        return null;
    }

    /** As Kinesis Data Streams for DynamoDB and Lambda's Kinesis event source: each table's changes, in order per item. */
    @Override
    public Void feed(shop.verdant.contract.ChangeFeed feed) {
        RequestHandler<com.amazonaws.services.lambda.runtime.events.KinesisEvent, StreamsEventResponse> handler = instantiate(feed);
        for (shop.verdant.contract.TableSpec table : feed.tables()) {
            pollers.add(new StreamPoller(dynamoEndpoint, dynamo, table.logicalName(), new LocalChangeFeed(table.logicalName(), handler)));
        }
        return null;
    }

    @Override
    public Void cognito(CognitoTrigger trigger) {
        switch (trigger.event()) {
            case POST_CONFIRMATION -> {
                RequestHandler<CognitoUserPoolPostConfirmationEvent, ?> handler = instantiate(trigger);
                String name = trigger.handler().functionName();
                Consumer<String> previous = postConfirmation;
                postConfirmation = user -> {
                    previous.accept(user);
                    var event = new CognitoUserPoolPostConfirmationEvent();
                    event.setVersion("1");
                    event.setRegion("local");
                    event.setUserPoolId(userPoolId);
                    event.setUserName(user);
                    event.setTriggerSource("PostConfirmation_ConfirmSignUp");
                    handler.handleRequest(event, new LocalContext("trigger", name));
                };
            }
        }
        return null;
    }

    /** As CloudFormation runs the custom resource on a deploy: now, before the shop takes requests; a failure stops the start. */
    @Override
    public Void deploy(shop.verdant.contract.DeployHook hook) {
        RequestHandler<java.util.Map<String, Object>, java.util.Map<String, Object>> handler = instantiate(hook);
        var answer = handler.handleRequest(java.util.Map.of("RequestType", "Create", "ResourceProperties", java.util.Map.of()),
                new LocalContext("deploy", hook.handler().functionName()));
        if (!"SUCCESS".equals(answer.get("Status"))) {
            throw new IllegalStateException(hook.handler().functionName() + " failed: " + answer.get("Reason"));
        }
        return null;
    }

    /** As EventBridge delivers a bucket's events: soon after, asynchronously, retried twice on a fault. */
    @Override
    public Void bucket(shop.verdant.contract.BucketEvent event) {
        bucketEvents.add(event);
        bucketHandlers.put(event, instantiate(event));
        return null;
    }

    /**
     * Raises the images bucket's "Object Created" for {@code key} (the local upload endpoint calls it after S3Mock took
     * the object), in EventBridge's shape, to every function following that part of the bucket.
     */
    void objectCreated(String bucket, String key, long size) {
        for (var e : bucketHandlers.entrySet()) {
            if (!key.startsWith(e.getKey().prefix())) {
                continue;
            }
            java.util.Map<String, Object> detail = java.util.Map.of("version", "0", "bucket", java.util.Map.of("name", bucket),
                    "object", java.util.Map.of("key", key, "size", size), "reason", "PostObject");
            java.util.Map<String, Object> event = java.util.Map.of("version", "0", "id", java.util.UUID.randomUUID().toString(),
                    "detail-type", "Object Created", "source", "aws.s3", "time", java.time.Instant.now().toString(),
                    "region", "local", "resources", List.of("arn:aws:s3:::" + bucket), "detail", detail);
            String name = e.getKey().handler().functionName();
            events.execute(() -> {
                for (int attempt = 1; attempt <= 3; attempt++) {
                    try {
                        e.getValue().handleRequest(event, new LocalContext("bucket", name));
                        return;
                    } catch (RuntimeException failure) {
                        System.err.println(name + " failed on " + key + " (attempt " + attempt + " of 3): " + failure);
                    }
                }
            });
        }
    }

    /** The routes for the gateway. */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** What the local Cognito proxy runs after a successful ConfirmSignUp. */
    Consumer<String> postConfirmation() {
        return postConfirmation;
    }

    /** Every trigger dispatched, in contract order. */
    List<Trigger> dispatched() {
        return List.copyOf(dispatched);
    }

    @SuppressWarnings("unchecked")
    private static <T> T instantiate(Trigger trigger) {
        try {
            return (T) Class.forName(trigger.handler().className()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + trigger.handler().className(), e);
        }
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        events.shutdownNow();
        for (AutoCloseable p : pollers) {
            p.close();
        }
    }
}
