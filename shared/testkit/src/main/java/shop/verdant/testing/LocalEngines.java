package shop.verdant.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;
import shop.verdant.adapter.dynamodb.TableRequests;
import shop.verdant.contract.TableSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Real DynamoDB Local (in this JVM) and a real redis-server, started once per test JVM on free ports
 * and stopped when it exits. Each test class creates its own uniquely named tables.
 */
public final class LocalEngines {
    private static DynamoDBProxyServer dynamo;
    private static RedisServer redis;
    private static int dynamoPort;
    private static int redisPort;

    /** The password the test Redis requires (a fresh one per test JVM). */
    public static final String REDIS_PASSWORD = UUID.randomUUID().toString();

    /** DynamoDB operation names every test client has sent, in order. */
    public static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    private LocalEngines() {
    }

    public static synchronized void start() {
        if (dynamo != null) {
            return;
        }
        try {
            dynamoPort = freePort();
            dynamo = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", String.valueOf(dynamoPort), "-disableTelemetry"});
            dynamo.start();
            redisPort = freePort();
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("requirepass " + REDIS_PASSWORD).build();
            redis.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the local engines", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.stop();
                dynamo.stop();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }));
    }

    public static String dynamoEndpoint() {
        start();
        return "http://127.0.0.1:" + dynamoPort;
    }

    public static String redisUrl() {
        start();
        return "redis://127.0.0.1:" + redisPort;
    }

    public static DynamoDbClient dynamoClient() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(dynamoEndpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
    }

    /** The test Redis requires a password, as ElastiCache does with an auth token. */
    public static JedisPooled redis() {
        return new JedisPooled(new HostAndPort("127.0.0.1", redisPort),
                DefaultJedisClientConfig.builder().password(REDIS_PASSWORD).build());
    }

    /** Creates the table under a fresh name and returns that name. */
    public static String createTable(DynamoDbClient client, TableSpec spec) {
        String name = spec.logicalName() + "-" + UUID.randomUUID();
        TableRequests.ensureTable(client, spec, name);
        return name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
