package shop.verdant.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.FunctionGroup;
import shop.verdant.contract.Route;
import shop.verdant.contract.Schedule;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.TableStream;
import shop.verdant.contract.Trigger;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * A function group's triggers (or a share of them: a large group is split so that no template nears
 * CloudFormation's limits) in a nested stack of the API stack: each trigger's function, and what invokes
 * it (a method on the REST API, a schedule, a table stream).
 */
public final class FunctionGroupStack extends NestedStack implements Trigger.Visitor<ShopFunction> {

    /**
     * {@code resourceIds}: the REST API's resource id for each route path; {@code environment} and
     * {@code secrets}: what the needs of the group and of its functions resolve to (each function gets its own); {@code placement}: the VPC, for groups that need Redis.
     */
    public record Props(FunctionGroup group, String jar, List<Trigger> triggers, Map<TableSpec, ITable> tables,
                        HttpRoute.Api api, Map<String, String> resourceIds, Map<String, String> environment,
                        Map<String, ISecret> secrets, ShopFunction.Placement placement, ShopFunction.Tracking tracking,
                        ShopFunction.Mail mail, software.amazon.awscdk.services.s3.IBucket images,
                        software.amazon.awscdk.services.kinesis.IStream changeFeed, ShopFunction.UserPools userPool) {
    }

    private final Props props;
    private final List<ShopFunction> functions = new ArrayList<>();
    private final List<StreamConsumer> consumers = new ArrayList<>();
    private final List<BucketTrigger> bucketTriggers = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();

    public FunctionGroupStack(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        for (Trigger trigger : props.triggers()) {
            functions.add(trigger.accept(this));
        }
    }

    private ShopFunction function(Trigger trigger) {
        // each function reads exactly the secrets its own needs name
        Map<String, ISecret> own = new java.util.LinkedHashMap<>();
        for (shop.verdant.contract.Need need : trigger.handler().needs()) {
            need.secret().ifPresent(name -> own.put(name, props.secrets().get(name)));
        }
        // readers of the behaviour indices run in the VPC beside the domain; the rest where their group runs
        var needs = trigger.handler().needs();
        ShopFunction.Placement placement = (needs.contains(shop.verdant.contract.Need.OPENSEARCH_READ)
                || needs.contains(shop.verdant.contract.Need.OPENSEARCH_ADMIN)) && props.tracking() != null
                ? props.tracking().searchPlacement() : props.placement();
        // deploy hooks talk to several APIs in a row, within CloudFormation's patience rather than API Gateway's
        // (and a picture is decoded and scaled three times over: more than an API answer's ten seconds)
        software.amazon.awscdk.Duration timeout = trigger instanceof shop.verdant.contract.DeployHook
                ? software.amazon.awscdk.Duration.seconds(120) : trigger instanceof shop.verdant.contract.BucketEvent
                ? software.amazon.awscdk.Duration.seconds(60) : ShopFunction.DEFAULT_TIMEOUT;
        return new ShopFunction(this, trigger.handler().functionName(), new ShopFunction.Props(trigger.handler(),
                props.jar(), props.tables(), props.environment(), own, placement, props.tracking(), timeout, props.mail(),
                props.images(), props.userPool()));
    }

    @Override
    public ShopFunction route(Route route) {
        ShopFunction fn = function(route);
        routes.add(route);
        new HttpRoute(fn, "Route", new HttpRoute.Props(route, props.api(), props.resourceIds().get(route.path()), fn.live()));
        return fn;
    }

    @Override
    public ShopFunction schedule(Schedule schedule) {
        ShopFunction fn = function(schedule);
        new ScheduledJob(fn, "Schedule", new ScheduledJob.Props(schedule, fn.live()));
        return fn;
    }

    @Override
    public ShopFunction stream(TableStream stream) {
        ShopFunction fn = function(stream);
        consumers.add(StreamConsumer.ofTable(fn, props.tables().get(stream.table()), fn.live()));
        return fn;
    }

    /** The audited tables' changes, through the Kinesis data stream they all write to. */
    @Override
    public ShopFunction feed(shop.verdant.contract.ChangeFeed feed) {
        if (props.changeFeed() == null) {
            throw new IllegalArgumentException(feed.handler().className() + " follows the change feed, which was not given");
        }
        ShopFunction fn = function(feed);
        consumers.add(StreamConsumer.ofFeed(fn, props.changeFeed(), fn.live()));
        return fn;
    }

    /**
     * A deploy hook: its function, and a custom resource that runs it on every deploy whose inputs changed (the roles it
     * maps, and a digest of the contract's handler so a new build re-runs it).
     */
    @Override
    public ShopFunction deploy(shop.verdant.contract.DeployHook hook) {
        ShopFunction fn = function(hook);
        if (props.tracking() == null) {
            throw new IllegalArgumentException(hook.handler().className() + " sets up tracking, which was not given");
        }
        var needs = hook.handler().needs();
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        if (needs.contains(shop.verdant.contract.Need.OPENSEARCH_ADMIN)) {
            properties.put("WriterRoles", List.of(props.tracking().firehoseRoleArn()));
            properties.put("ReaderRoles", functions.stream()
                    .filter(f -> f.handler().needs().contains(shop.verdant.contract.Need.OPENSEARCH_READ))
                    .map(f -> f.function().getRole().getRoleArn()).toList());
            properties.put("DashboardsRoles", props.tracking().dashboardsRoleArns());
            properties.put("Files", props.tracking().setupDigest());
        }
        if (needs.contains(shop.verdant.contract.Need.DASHBOARDS_SIGN_IN)) {
            // runs again whenever the domain (whose Cognito options add the app client) or the identity pool changes
            properties.put("Domain", props.tracking().domainArn());
            properties.put("IdentityPool", props.tracking().signIn().identityPoolId());
        }
        software.amazon.awscdk.CustomResource.Builder.create(fn, "Run")
                .serviceToken(fn.live().getFunctionArn())
                .resourceType("Custom::Verdant" + hook.handler().functionName())
                .properties(properties)
                .build();
        return fn;
    }

    @Override
    public ShopFunction bucket(shop.verdant.contract.BucketEvent event) {
        if (!event.bucket().equals(shop.verdant.contract.Buckets.IMAGES) || props.images() == null) {
            throw new IllegalArgumentException(event.handler().className() + " follows " + event.bucket().logicalName()
                    + ", which was not given");
        }
        ShopFunction fn = function(event);
        bucketTriggers.add(new BucketTrigger(fn, "Uploads", new BucketTrigger.Props(event, props.images(), fn.live())));
        return fn;
    }

    /** Cognito triggers belong to the user pool's stack (the pool names its triggers). */
    @Override
    public ShopFunction cognito(CognitoTrigger trigger) {
        throw new IllegalArgumentException(trigger.handler().className() + " is a Cognito trigger: the auth stack wires it");
    }

    public List<ShopFunction> functions() {
        return List.copyOf(functions);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public List<BucketTrigger> bucketTriggers() {
        return List.copyOf(bucketTriggers);
    }

    public List<StreamConsumer> consumers() {
        return List.copyOf(consumers);
    }
}
