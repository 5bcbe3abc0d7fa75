package shop.verdant.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/**
 * Runs in a fresh JVM with only a function's shaded jar (plus this class) on the class path: creates
 * the handler as Lambda would and answers one {@code GET /api/products?q=bamboo}. Exits 0 on a 200.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toMain = System.currentTimeMillis() - jvmStart;
        if (System.getProperty("probe.phases") != null) {
            for (String c : System.getProperty("probe.phases").split(",")) {
                long a = System.nanoTime();
                Class.forName(c, true, ColdStartProbe.class.getClassLoader());
                System.out.printf("phase %s %d ms%n", c, (System.nanoTime() - a) / 1_000_000);
            }
        }
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/api/products").withResource("/api/products")
                .withMultiValueQueryStringParameters(Map.of("q", List.of("bamboo"), "sort", List.of("price_asc")))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("cold-start"));
        long t1 = System.nanoTime();
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        long t2 = System.nanoTime();
        if (Boolean.getBoolean("probe.verbose")) {
            System.out.printf("probe: JVM to main %d ms, handler init %d ms, first request %d ms%n",
                    toMain, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
        if (response.getStatusCode() != 200) {
            System.err.println("status " + response.getStatusCode() + ": " + response.getBody());
            System.exit(1);
        }
        System.exit(0);
    }
}
