package shop.verdant.infra.constructs;

import java.util.List;
import shop.verdant.contract.Route;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnMethod;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * One route's method on the REST API (which may live in another stack: the API's resources, authorizer and
 * validator come in by id), proxying to the function's live alias, which API Gateway alone may invoke, and
 * only for this method and path.
 */
public final class HttpRoute extends Construct {

    /** The REST API as a route needs it. */
    public record Api(String restApiId, String authorizerId, String validatorId) {
    }

    public record Props(Route route, Api api, String resourceId, IFunction target) {
    }

    private final CfnMethod method;

    public HttpRoute(Construct scope, String id, Props props) {
        super(scope, id);
        Route route = props.route();
        Stack stack = Stack.of(this);
        String invocation = "arn:" + stack.getPartition() + ":apigateway:" + stack.getRegion()
                + ":lambda:path/2015-03-31/functions/" + props.target().getFunctionArn() + "/invocations";
        boolean cognito = route.auth() == Route.Auth.COGNITO;
        method = CfnMethod.Builder.create(this, "Method")
                .restApiId(props.api().restApiId())
                .resourceId(props.resourceId())
                .httpMethod(route.method())
                .authorizationType(cognito ? "COGNITO_USER_POOLS" : "NONE")
                .authorizerId(cognito ? props.api().authorizerId() : null)
                .requestValidatorId(props.api().validatorId())
                .integration(CfnMethod.IntegrationProperty.builder()
                        .type("AWS_PROXY")
                        .integrationHttpMethod("POST")
                        .uri(invocation)
                        .timeoutInMillis(29_000)
                        .build())
                .build();
        CfnPermission.Builder.create(this, "Invoke")
                .action("lambda:InvokeFunction")
                .functionName(props.target().getFunctionArn())
                .principal("apigateway.amazonaws.com")
                .sourceArn(Fn.join("", List.of("arn:", stack.getPartition(), ":execute-api:", stack.getRegion(), ":",
                        stack.getAccount(), ":", props.api().restApiId(), "/*/", route.method(),
                        route.path().replaceAll("\\{[^}]+}", "*"))))
                .build();
        if (route.auth() != Route.Auth.COGNITO) {
            String why = route.auth() == Route.Auth.NONE
                    ? "Public by design: anonymous visitors browse the catalog (contract: auth NONE); read-only, "
                    + "throttled per stage and rate-limited by the edge firewall."
                    : "Visitors keep a cart without an account (contract: auth OPTIONAL). A Cognito authorizer cannot be "
                    + "optional, so the handler verifies a bearer token itself (signature, expiry, issuer, client, "
                    + "token_use against the pool's JWKS) when one is sent.";
            Nag.suppress(method, "AwsSolutions-APIG4", why);
            Nag.suppress(method, "AwsSolutions-COG4", why);
        }
    }

    public CfnMethod method() {
        return method;
    }
}
