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
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/api/products").withResource("/api/products")
                .withMultiValueQueryStringParameters(Map.of("q", List.of("bamboo"), "sort", List.of("price_asc")))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("cold-start"));
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200) {
            System.err.println("status " + response.getStatusCode() + ": " + response.getBody());
            System.exit(1);
        }
        System.exit(0);
    }
}
