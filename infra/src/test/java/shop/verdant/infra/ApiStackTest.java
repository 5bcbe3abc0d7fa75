package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.verdant.spec.Route;
import shop.verdant.spec.RouteTable;
import software.amazon.awscdk.assertions.Match;

class ApiStackTest {

    @Test
    void oneJava21FunctionPerHandlerWithSnapStartBehindALiveAlias() {
        Set<String> handlers = RouteTable.ROUTES.stream().map(Route::handlerClass).collect(Collectors.toCollection(java.util.HashSet::new));
        Map<String, Map<String, Object>> functions = Synth.API.findResources("AWS::Lambda::Function",
                Map.of("Properties", Match.objectLike(Map.of("Runtime", "java21"))));
        RouteTable.SCHEDULED.forEach(s -> handlers.add(s.handlerClass()));
        RouteTable.STREAMS.forEach(s -> handlers.add(s.handlerClass()));
        assertThat(functions).hasSize(handlers.size());
        for (String handler : handlers) {
            Synth.API.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", handler + "::handleRequest",
                    "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        }
        Synth.API.resourceCountIs("AWS::Lambda::Alias", handlers.size());
        Synth.API.resourceCountIs("AWS::Lambda::Version", handlers.size());
    }

    @Test
    void everyRouteIsAMethodWithTheDeclaredAuthorization() {
        Map<String, Map<String, Object>> methods = Synth.API.findResources("AWS::ApiGateway::Method");
        for (Route route : RouteTable.ROUTES) {
            long matching = methods.values().stream().filter(m -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) m.get("Properties");
                return route.method().equals(p.get("HttpMethod"))
                        && (route.auth() == Route.Auth.COGNITO ? "COGNITO_USER_POOLS" : "NONE").equals(p.get("AuthorizationType"))
                        && (route.auth() != Route.Auth.COGNITO || p.containsKey("AuthorizerId"));
            }).count();
            assertThat(matching).as(route.method() + " " + route.path()).isGreaterThanOrEqualTo(1);
        }
        assertThat(methods.values().stream().filter(m -> !"OPTIONS".equals(((Map<?, ?>) m.get("Properties")).get("HttpMethod"))))
                .hasSize(RouteTable.ROUTES.size());
        Synth.API.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "{id}", "ParentId", Match.anyValue(),
                "RestApiId", Match.anyValue()));
    }

    @Test
    void catalogFunctionsRunInTheVpcWithGeneratedTableNamesAndTlsRedis() {
        Synth.API.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.catalog.SearchProductsHandler::handleRequest",
                "VpcConfig", Match.objectLike(Map.of("SubnetIds", Match.anyValue())),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "PRODUCTS_TABLE", Match.objectLike(Map.of("Fn::ImportValue", Match.anyValue())),
                        "REDIS_URL", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                Match.arrayWith(List.of("rediss://"))))))))))));
    }

    @Test
    void stageWritesAccessLogsInTheSharedFormatAndThrottles() {
        Synth.API.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
                "StageName", "prod",
                "AccessLogSetting", Match.objectLike(Map.of("Format", shop.verdant.spec.AccessLogFormat.apiGatewayFormat())),
                "MethodSettings", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", 200, "ThrottlingBurstLimit", 400)))))));
    }

    @Test
    void aWafRateRuleGuardsTheStage() {
        Synth.API.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "REGIONAL",
                "Rules", Match.arrayWith(List.of(Match.objectLike(Map.of("Statement", Map.of("RateBasedStatement",
                        Map.of("Limit", ApiStack.RATE_LIMIT_PER_5_MINUTES, "AggregateKeyType", "IP")))))))));
        Synth.API.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
        Synth.API.resourceCountIs("AWS::ApiGateway::RequestValidator", 1);
    }

    @SuppressWarnings("unchecked")
    private static String policyOf(String handlerPrefix) {
        Map<String, Map<String, Object>> policies = Synth.API.findResources("AWS::IAM::Policy");
        return policies.values().stream()
                .filter(p -> ((Map<String, Object>) p.get("Properties")).get("Roles").toString().contains(handlerPrefix))
                .map(Object::toString).findFirst().orElseThrow(() -> new AssertionError("no policy for " + handlerPrefix));
    }

    @Test
    void catalogFunctionsMayOnlyReadTheirTables() {
        String policy = policyOf("SearchProducts");
        assertThat(policy).contains("dynamodb:GetItem", "dynamodb:Query")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem");
    }

    @Test
    void shoppingFunctionsWriteTheirTablesButOnlyUpdateProducts() {
        String policy = policyOf("PlaceOrder");
        assertThat(policy).contains("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem");
        Synth.API.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.shopping.GetCartHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "CARTS_TABLE", Match.anyValue(), "PRODUCTS_TABLE", Match.anyValue(),
                        "COGNITO_ISSUER", Match.anyValue(), "COGNITO_CLIENT_ID", Match.anyValue()))))));
        // shopping functions are outside the VPC: they need DynamoDB only
        Map<String, Map<String, Object>> placeOrder = Synth.API.findResources("AWS::Lambda::Function", Map.of("Properties",
                Match.objectLike(Map.of("Handler", "shop.verdant.shopping.PlaceOrderHandler::handleRequest"))));
        assertThat(placeOrder.values().iterator().next().toString()).doesNotContain("VpcConfig");
    }

    @Test
    void protectedRoutesUseTheCognitoAuthorizerOnTheUserPool() {
        Synth.API.hasResourceProperties("AWS::ApiGateway::Authorizer", Match.objectLike(Map.of(
                "Type", "COGNITO_USER_POOLS", "IdentitySource", "method.request.header.Authorization")));
        long cognitoRoutes = RouteTable.ROUTES.stream().filter(r -> r.auth() == Route.Auth.COGNITO).count();
        assertThat(Synth.API.findResources("AWS::ApiGateway::Method", Map.of("Properties",
                Match.objectLike(Map.of("AuthorizationType", "COGNITO_USER_POOLS"))))).hasSize((int) cognitoRoutes);
    }

    @Test
    void theGatewaysOwnRefusalsAreProblemJson() {
        Synth.API.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                "ResponseType", "UNAUTHORIZED", "StatusCode", "401",
                "ResponseParameters", Match.objectLike(Map.of(
                        "gatewayresponse.header.Content-Type", "'application/problem+json'")),
                "ResponseTemplates", Map.of("application/json", ApiStack.gatewayProblem("unauthorized", "Unauthorized", 401,
                        "Sign in: this needs a valid bearer token from the shop's user pool.")))));
        Synth.API.resourceCountIs("AWS::ApiGateway::GatewayResponse", 6);
    }

    @Test
    void productStockChangesReachTheCatalogThroughTheTableStream() {
        Synth.API.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "StartingPosition", "LATEST",
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "DestinationConfig", Match.objectLike(Map.of("OnFailure", Match.anyValue())))));
        Synth.API.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.catalog.FollowStockChangesHandler::handleRequest",
                "VpcConfig", Match.anyValue())));
    }

    @Test
    void theExpirySweeperRunsEveryMinute() {
        Synth.API.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2))))))));
        Synth.API.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.shopping.ExpireOrdersHandler::handleRequest")));
    }
}
