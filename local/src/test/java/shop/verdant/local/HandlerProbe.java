package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * Runs in a fresh JVM with only a function group's shaded jar (and this class) on the class path:
 * creates one handler as Lambda would, sends it one request, prints the status and exits 0 on 2xx.
 * Arguments: handler class, then optionally a path parameter as name=value.
 */
public final class HandlerProbe {
    private HandlerProbe() {
    }

    /**
     * Arguments after the handler class: {@code path.NAME=v}, {@code query.NAME=v}, {@code header.NAME=v}, {@code claim.NAME=v}
     * (authorizer claims), {@code body=JSON}, {@code method=M}, {@code expect=STATUS} (default: any 2xx);
     * or the single word {@code schedule} for a scheduled function.
     */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Object instance = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        if (args.length > 1 && args[1].equals("schedule")) {
            var scheduled = (RequestHandler<com.amazonaws.services.lambda.runtime.events.ScheduledEvent, Object>) instance;
            System.out.println("result " + scheduled.handleRequest(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent(), null));
            System.exit(0);
        }
        if (args.length > 3 && args[1].equals("post-confirmation")) {
            var trigger = (RequestHandler<com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent, Object>) instance;
            var event = new com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent();
            event.setUserPoolId(args[2]);
            event.setUserName(args[3]);
            event.setTriggerSource("PostConfirmation_ConfirmSignUp");
            System.out.println("returned " + (trigger.handleRequest(event, null) == event));
            System.exit(0);
        }
        if (args.length > 1 && args[1].equals("deploy")) {
            var hook = (RequestHandler<Map<String, Object>, Map<String, Object>>) instance;
            var answer = hook.handleRequest(Map.of("RequestType", "Update", "ResourceProperties", Map.of()), null);
            System.out.println("deploy hook: " + answer);
            System.exit("SUCCESS".equals(answer.get("Status")) ? 0 : 1);
        }
        if (args.length > 4 && args[1].equals("bucket")) {
            // an "Object Created" event as EventBridge delivers it; the outcome must be the one expected
            var handler = (RequestHandler<Map<String, Object>, Map<String, Object>>) instance;
            var answer = handler.handleRequest(Map.of("detail-type", "Object Created", "source", "aws.s3",
                    "detail", Map.of("object", Map.of("key", args[2], "size", Long.parseLong(args[3])))), null);
            System.out.println("bucket event: " + answer);
            System.exit(args[4].equals(answer.get("outcome")) ? 0 : 1);
        }
        if (args.length > 3 && args[1].equals("feed")) {
            // one change as Kinesis Data Streams for DynamoDB writes it: the product's stock, stamped by a merchant
            var consumer = (RequestHandler<com.amazonaws.services.lambda.runtime.events.KinesisEvent,
                    com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>) instance;
            String json = "{\"tableName\":\"" + args[3] + "\",\"eventName\":\"MODIFY\",\"eventID\":\"probe-"
                    + java.util.UUID.randomUUID() + "\",\"eventSource\":\"aws:dynamodb\",\"recordFormat\":\"application/json\","
                    + "\"dynamodb\":{\"ApproximateCreationDateTime\":" + System.currentTimeMillis() + ",\"Keys\":{\"productId\":{\"S\":\""
                    + args[2] + "\"}},\"OldImage\":{\"productId\":{\"S\":\"" + args[2] + "\"},\"stockAvailable\":{\"N\":\"0\"}},"
                    + "\"NewImage\":{\"productId\":{\"S\":\"" + args[2] + "\"},\"stockAvailable\":{\"N\":\"5\"},"
                    + "\"changedBy\":{\"M\":{\"role\":{\"S\":\"merchant\"},\"id\":{\"S\":\"probe\"},\"write\":{\"S\":\"1\"}}}}}}";
            var kinesis = new com.amazonaws.services.lambda.runtime.events.KinesisEvent.Record();
            kinesis.setData(java.nio.ByteBuffer.wrap(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            kinesis.setSequenceNumber("1");
            var record = new com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            var event = new com.amazonaws.services.lambda.runtime.events.KinesisEvent();
            event.setRecords(java.util.List.of(record));
            var answer = consumer.handleRequest(event, null);
            System.out.println("failures " + answer.getBatchItemFailures());
            System.exit(answer.getBatchItemFailures().isEmpty() ? 0 : 1);
        }
        if (args.length > 2 && args[1].equals("stream")) {
            var consumer = (RequestHandler<com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                    com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>) instance;
            var record = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("MODIFY");
            String table = args.length > 3 ? args[3] : "Products";
            record.setDynamodb(table.equals("Orders") ? orderPaid(args[2]) : table.equals("Imports") ? importDone() : stockMoved(args[2]));
            var event = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent();
            event.setRecords(java.util.List.of(record));
            var answer = consumer.handleRequest(event, null);
            System.out.println("failures " + answer.getBatchItemFailures());
            System.exit(answer.getBatchItemFailures().isEmpty() ? 0 : 1);
        }
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) instance;
        Map<String, String> path = new java.util.HashMap<>();
        Map<String, String> headers = new java.util.HashMap<>();
        Map<String, String> query = new java.util.HashMap<>();
        Map<String, Object> claims = new java.util.HashMap<>();
        String body = null;
        String method = "GET";
        int expect = -1;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[0].startsWith("path.")) {
                path.put(kv[0].substring(5), kv[1]);
            } else if (kv[0].startsWith("query.")) {
                query.put(kv[0].substring(6), kv[1]);
            } else if (kv[0].startsWith("header.")) {
                headers.put(kv[0].substring(7), kv[1]);
            } else if (kv[0].startsWith("claim.")) {
                claims.put(kv[0].substring(6), kv[1]);
            } else if (kv[0].equals("body")) {
                body = kv[1];
            } else if (kv[0].equals("method")) {
                method = kv[1];
            } else if (kv[0].equals("expect")) {
                expect = Integer.parseInt(kv[1]);
            }
        }
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("probe");
        if (!claims.isEmpty()) {
            context.setAuthorizer(new java.util.HashMap<>(Map.of("claims", claims)));
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withHeaders(headers)
                .withBody(body)
                .withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withRequestContext(context);
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        System.out.println("status " + response.getStatusCode() + " " + response.getBody());
        boolean ok = expect < 0 ? response.getStatusCode() / 100 == 2 : response.getStatusCode() == expect;
        System.exit(ok ? 0 : 1);
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue s(String v) {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(v);
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue n(long v) {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withN(Long.toString(v));
    }

    /** An Imports record: a job of an unknown merchant finished (nothing left to run). */
    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord importDone() {
        String at = java.time.Instant.now().toString();
        java.util.function.Function<String, Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>> job =
                status -> Map.of("importId", s("probe-import"), "merchantId", s("probe-merchant"), "actor", s("probe"),
                        "status", s(status), "chunks", n(1), "nextChunk", n(1), "createdAt", s(at), "updatedAt", s(at));
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord()
                .withKeys(Map.of("importId", s("probe-import"))).withOldImage(job.apply("RUNNING")).withNewImage(job.apply("DONE"))
                .withSequenceNumber("1");
    }

    /** A Products record: the product's availability went from 0 to 5. */
    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord stockMoved(String productId) {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord()
                .withKeys(Map.of("productId", s(productId)))
                .withOldImage(Map.of("stockAvailable", n(0)))
                .withNewImage(Map.of("stockAvailable", n(5)))
                .withSequenceNumber("1");
    }

    /** An Orders record: an order of one unit of the product was paid (as the order store writes the item). */
    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord orderPaid(String productId) {
        String at = java.time.Instant.now().toString();
        String orderId = "probe-order-" + java.util.UUID.randomUUID();
        var line = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withM(Map.of(
                "productId", s(productId), "sku", s("PROBE-1"), "name", s("Probe"), "merchantId", s("probe-merchant"),
                "unitPriceMinor", n(1000), "quantity", n(1), "subtotalMinor", n(1000)));
        java.util.function.Function<String, Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>> image =
                status -> {
                    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> m = new java.util.HashMap<>();
                    m.put("orderId", s(orderId));
                    m.put("customerId", s("probe-customer"));
                    m.put("status", s(status));
                    m.put("createdAt", s(at));
                    m.put("updatedAt", s(at));
                    m.put("expiresAt", s(at));
                    m.put("currency", s("EUR"));
                    m.put("totalMinor", n(1495));
                    m.put("subtotalMinor", n(1000));
                    m.put("shippingMinor", n(495));
                    m.put("vat", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withL(java.util.List.of()));
                    m.put("lines", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withL(java.util.List.of(line)));
                    return m;
                };
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord()
                .withKeys(Map.of("orderId", s(orderId)))
                .withOldImage(image.apply("PENDING_PAYMENT"))
                .withNewImage(image.apply("PAID"))
                .withSequenceNumber("1");
    }
}
