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

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("probe"));
        if (args.length > 1) {
            String[] kv = args[1].split("=", 2);
            event.setPathParameters(Map.of(kv[0], kv[1]));
        }
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        System.out.println("status " + response.getStatusCode());
        System.exit(response.getStatusCode() / 100 == 2 ? 0 : 1);
    }
}
