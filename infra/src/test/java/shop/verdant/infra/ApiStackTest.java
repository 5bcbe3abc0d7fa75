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
        Set<String> handlers = RouteTable.ROUTES.stream().map(Route::handlerClass).collect(Collectors.toSet());
        Map<String, Map<String, Object>> functions = Synth.API.findResources("AWS::Lambda::Function",
                Map.of("Properties", Match.objectLike(Map.of("Runtime", "java21"))));
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
                        && (route.auth() == Route.Auth.NONE ? "NONE" : "COGNITO_USER_POOLS").equals(p.get("AuthorizationType"));
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

    @Test
    void catalogFunctionsMayOnlyReadTheirTables() {
        String policies = Synth.API.findResources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("dynamodb:GetItem", "dynamodb:Query")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem");
    }
}
