package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;

/**
 * The shape every API handler shares: parse, call one service, map the result; and the one place
 * where exceptions become RFC 9457 problems. Bad input is a 4xx naming the field; anything unexpected
 * is a 500 with the request id and no internals, logged with its stack trace for the operator.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    protected abstract APIGatewayProxyResponseEvent handle(ApiRequest request);

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        String instance = request.requestId() != null ? request.requestId()
                : context != null ? context.getAwsRequestId() : null;
        try {
            return handle(request);
        } catch (ValidationException e) {
            return ApiResponse.problem(new Problem("/problems/invalid-request", "Invalid request", 400,
                    "The request has invalid parameters: " + String.join(", ",
                            e.errors().stream().map(f -> f.field()).distinct().toList()) + ".",
                    instance, e.errors()));
        } catch (NotFoundException e) {
            return ApiResponse.problem(Problem.of("not-found", "Not found", 404, e.getMessage(), instance));
        } catch (ConflictException e) {
            return ApiResponse.problem(Problem.of("conflict", "Conflict", 409, e.getMessage(), instance));
        } catch (RuntimeException e) {
            System.err.println("request " + instance + " failed: " + e);
            e.printStackTrace();
            return ApiResponse.problem(Problem.of("internal", "Internal error", 500,
                    "The request could not be completed. Quote the instance id when reporting it.", instance));
        }
    }
}
