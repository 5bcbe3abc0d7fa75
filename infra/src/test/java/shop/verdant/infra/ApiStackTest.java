package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Route;
import shop.verdant.contract.TableAccess;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Tables;
import shop.verdant.contract.Trigger;
import shop.verdant.infra.constructs.FunctionGroupStack;
import shop.verdant.infra.constructs.ProblemResponses;
import shop.verdant.infra.constructs.ShopFunction;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiStackTest {

    static Map<String, Object> functionFor(String handlerClass) {
        var found = Synth.resources(Synth.functionTemplates(), "AWS::Lambda::Function").values().stream()
                .filter(f -> (handlerClass + "::handleRequest").equals(Synth.props(f).get("Handler"))).toList();
        assertThat(found).as(handlerClass).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyTriggerOfTheContractIsAJava21FunctionWithSnapStartBehindALiveAlias_andItsOwnLogGroup() {
        var functions = Synth.resources(Synth.functionTemplates(), "AWS::Lambda::Function");
        assertThat(functions.values().stream().filter(f -> "java21".equals(Synth.props(f).get("Runtime"))))
                .hasSize(Contract.TRIGGERS.size());
        for (Trigger t : Contract.TRIGGERS) {
            Map<String, Object> fn = Synth.props(functionFor(t.handler().className()));
            assertThat(fn).containsEntry("Runtime", "java21").containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            assertThat(fn.get("LoggingConfig").toString()).as(t.handler().functionName()).contains("LogGroup");
        }
        for (Template t : Synth.functionTemplates()) {
            int n = t.findResources("AWS::Lambda::Function", Match.objectLike(Map.of("Properties",
                    Match.objectLike(Map.of("Runtime", "java21"))))).size();
            t.resourceCountIs("AWS::Lambda::Alias", n);
            t.resourceCountIs("AWS::Lambda::Version", n);
            t.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)), n);
        }
    }

    /** Each API Gateway resource of the parent stack, by logical id, as the path it stands for. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> resourcePaths() {
        Map<String, Map<String, Object>> resources = Synth.API.findResources("AWS::ApiGateway::Resource");
        Map<String, String> paths = new HashMap<>();
        for (String id : resources.keySet()) {
            StringBuilder path = new StringBuilder();
            String at = id;
            while (resources.containsKey(at)) {
                Map<String, Object> p = Synth.props(resources.get(at));
                path.insert(0, "/" + p.get("PathPart"));
                Object parent = p.get("ParentId");
                at = parent instanceof Map<?, ?> m && m.get("Ref") != null ? m.get("Ref").toString() : "";
            }
            paths.put(id, path.toString());
        }
        return paths;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsAMethodOnItsOwnPath_withTheDeclaredAuthorization_andNothingElseIsRouted() {
        Map<String, String> paths = resourcePaths();
        Set<String> synthesized = new TreeSet<>();
        for (FunctionGroupStack group : Synth.STACKS.api().groupStacks()) {
            // the nested stack's parameters name the parent's resources
            Map<String, Object> nested = Synth.API.findResources("AWS::CloudFormation::Stack").entrySet().stream()
                    .filter(e -> e.getKey().startsWith(group.getNode().getId() + "NestedStack")).findFirst().orElseThrow().getValue();
            Map<String, Object> parameters = (Map<String, Object>) Synth.props(nested).get("Parameters");
            for (Map<String, Object> method : Synth.GROUPS.get(group.getNode().getId()).findResources("AWS::ApiGateway::Method").values()) {
                Map<String, Object> p = Synth.props(method);
                String param = ((Map<String, Object>) p.get("ResourceId")).get("Ref").toString();
                Object ref = ((Map<String, Object>) parameters.get(param)).get("Ref");
                String path = paths.get(ref.toString());
                synthesized.add(p.get("HttpMethod") + " " + path + " " + p.get("AuthorizationType")
                        + ("COGNITO_USER_POOLS".equals(p.get("AuthorizationType")) && p.get("AuthorizerId") == null ? " NO-AUTHORIZER" : ""));
                assertThat(p.get("Integration").toString()).contains("AWS_PROXY").containsPattern("Ref=\\w+Live\\w+}, /invocations");
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Route r : Contract.ROUTES) {
            declared.add(r.method() + " " + r.path() + " " + (r.auth() == Route.Auth.COGNITO ? "COGNITO_USER_POOLS" : "NONE"));
        }
        assertThat(synthesized).isEqualTo(declared);
    }

    /** What Lambda's event source needs to read a table stream (granted by CDK, on the stream only, and ListStreams). */
    static final Set<String> STREAM_ACTIONS = Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator", "dynamodb:ListStreams");

    /** Actions granted on each table (not its stream), from a function's policies, by table. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> dynamoActionsOf(String functionName) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Template t : Synth.functionTemplates()) {
            t.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
                if (!id.startsWith(functionName + "Role")) {
                    return;
                }
                var doc = (Map<String, Object>) Synth.props(policy).get("PolicyDocument");
                for (Map<String, Object> st : (List<Map<String, Object>>) doc.get("Statement")) {
                    List<String> actions = st.get("Action") instanceof List<?> l ? (List<String>) l : List.of(st.get("Action").toString());
                    if (actions.stream().noneMatch(a -> a.startsWith("dynamodb:")) || actions.stream().anyMatch(STREAM_ACTIONS::contains)) {
                        continue;
                    }
                    String resource = st.get("Resource").toString();
                    for (TableSpec spec : Tables.ALL) {
                        if (resource.contains("FnGetAtt" + spec.logicalName())) {
                            out.computeIfAbsent(spec.logicalName(), k -> new TreeSet<>()).addAll(actions);
                        }
                    }
                }
            });
        }
        return out;
    }

    @Test
    void eachFunctionMayDoExactlyWhatItsHandlerDeclares_withNoOtherTable() {
        Map<TableAccess, Set<String>> expected = Map.of(
                TableAccess.READ, Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                        "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"),
                TableAccess.STOCK, Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                        "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:UpdateItem"),
                TableAccess.WRITE, Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                        "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"),
                TableAccess.APPEND, Set.of("dynamodb:PutItem"));
        for (Trigger t : Contract.TRIGGERS) {
            Map<String, Set<String>> granted = dynamoActionsOf(t.handler().functionName());
            Map<String, Set<String>> declared = new HashMap<>();
            t.handler().tables().forEach((spec, access) -> declared.put(spec.logicalName(), expected.get(access)));
            assertThat(granted).as(t.handler().functionName()).isEqualTo(declared);
        }
        // the function behind GET /api/cart cannot write anything, and cannot see Orders at all
        Map<String, Set<String>> getCart = dynamoActionsOf("GetCart");
        assertThat(getCart).doesNotContainKey("Orders");
        assertThat(getCart.get("Carts")).doesNotContain("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        assertThat(dynamoActionsOf("PlaceOrder").get("Products")).contains("dynamodb:UpdateItem").doesNotContain("dynamodb:PutItem");
        // the stream consumer reads its table's stream, and no other
        String follow = Synth.GROUPS.get("Catalog").findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("FollowStockChangesRole")).findFirst().orElseThrow().getValue().toString();
        assertThat(follow).contains("dynamodb:GetRecords", "FnGetAttProducts").doesNotContain("FnGetAttOrders");
    }

    /** Every statement of a function's policies that grants an ses: action, as text. */
    private static List<String> sesStatementsOf(String functionName) {
        return Synth.statementsOf(functionName, "ses:");
    }

    @Test
    void theBackOfficeRunsOutsideTheVpc_readsWithoutWriting_andOnlyTheNotifiersSendEmail_asTheShopOnly() {
        Map<String, Set<String>> list = dynamoActionsOf("ListOwnProducts");
        assertThat(list.keySet()).containsExactly("Products");
        assertThat(list.get("Products")).doesNotContain("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        // stock moves only with UpdateItem: the adjustment cannot put or delete a product
        assertThat(dynamoActionsOf("AdjustStock").get("Products")).contains("dynamodb:UpdateItem")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem");
        assertThat(dynamoActionsOf("SalesDashboard").get("MerchantSales")).doesNotContain("dynamodb:UpdateItem");
        assertThat(Synth.props(functionFor("shop.verdant.merchant.CreateProductHandler"))).doesNotContainKey("VpcConfig");
        for (Trigger t : Contract.TRIGGERS) {
            List<String> ses = sesStatementsOf(t.handler().functionName());
            if (t.handler().needs().contains(shop.verdant.contract.Need.EMAIL)) {
                assertThat(ses).as(t.handler().functionName()).hasSize(1);
                assertThat(ses.get(0)).contains("ses:SendEmail", "identity/verdant.example", "ses:FromAddress=orders@verdant.example")
                        .doesNotContain("ses:*");
            } else {
                assertThat(ses).as(t.handler().functionName() + " sends no email").isEmpty();
            }
        }
        assertThat(Synth.props(functionFor("shop.verdant.merchant.NotifyShipmentChangesHandler")).toString())
                .contains("MAIL_FROM=orders@verdant.example", "SHOP_URL=");
        Synth.API.resourceCountIs("AWS::SES::EmailIdentity", 1);
    }

    @Test
    void catalogFunctionsRunInTheVpc_withTlsRedis_andReadTheirSecretsThroughTheExtension() {
        Map<String, Object> search = Synth.props(functionFor("shop.verdant.catalog.SearchProductsHandler"));
        assertThat(search).containsKey("VpcConfig");
        String env = search.get("Environment").toString();
        assertThat(env).contains("REDIS_URL", "rediss://", "REDIS_AUTH_SECRET_ARN", "CURSOR_KEYS_SECRET_ARN", "CATEGORIES_TABLE")
                .doesNotContain("CART_TOKEN_KEYS");
        assertThat(search.get("Layers").toString()).contains("AWS-Parameters-and-Secrets-Lambda-Extension");
        Map<String, Object> placeOrder = Synth.props(functionFor("shop.verdant.shopping.PlaceOrderHandler"));
        assertThat(placeOrder).doesNotContainKey("VpcConfig");
        assertThat(placeOrder.get("Environment").toString()).contains("CART_TOKEN_KEYS_SECRET_ARN", "COGNITO_ISSUER",
                "COGNITO_CLIENT_ID").doesNotContain("REDIS");
        // no secret value reaches an environment variable: only the ARNs do
        assertThat(Synth.resources(Synth.functionTemplates(), "AWS::Lambda::Function").toString()).doesNotContain("resolve:secretsmanager");
    }

    @Test
    void paymentsRunOutsideTheVpc_onlyTheWebhookReadsTheSigningSecret_andTheReconciliationIsScheduled() {
        Map<String, Object> start = Synth.props(functionFor("shop.verdant.payments.StartPaymentHandler"));
        Map<String, Object> webhook = Synth.props(functionFor("shop.verdant.payments.StripeWebhookHandler"));
        assertThat(start).doesNotContainKey("VpcConfig");
        assertThat(webhook).doesNotContainKey("VpcConfig");
        assertThat(start.get("Environment").toString()).contains("STRIPE_SECRET_KEY_SECRET_ARN", "STRIPE_PUBLISHABLE_KEY",
                "PAYMENTS_TABLE", "SHIPMENTS_TABLE").doesNotContain("STRIPE_WEBHOOK_SECRET", "REDIS");
        assertThat(webhook.get("Environment").toString()).contains("STRIPE_WEBHOOK_SECRET_SECRET_ARN", "STRIPE_SECRET_KEY_SECRET_ARN",
                "PROCESSED_EVENTS_TABLE");
        // the secret's read grant follows the environment: the start function's role cannot read the signing secret
        String policies = Synth.GROUPS.get("Payments").findResources("AWS::IAM::Policy").toString();
        String startPolicy = Synth.GROUPS.get("Payments").findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("StartPaymentRole")).findFirst().orElseThrow().getValue().toString();
        assertThat(policies).contains("StripeWebhookSecret");
        assertThat(startPolicy).contains("StripeSecretKey").doesNotContain("StripeWebhookSecret");
        assertThat(dynamoActionsOf("StartPayment")).doesNotContainKey("ProcessedEvents");
        assertThat(Synth.GROUPS.get("Payments").findResources("AWS::Events::Rule").toString()).contains("rate(15 minutes)");
    }

    @Test
    void theApiIsRegional_itsStageLogsInTheSharedFormatAndThrottles() {
        Synth.API.hasResourceProperties("AWS::ApiGateway::RestApi", Match.objectLike(Map.of(
                "EndpointConfiguration", Map.of("Types", List.of("REGIONAL")))));
        Synth.API.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
                "StageName", "prod",
                "AccessLogSetting", Match.objectLike(Map.of("Format", shop.verdant.contract.AccessLogFormat.apiGatewayFormat(),
                        // into the access-log delivery stream (API Gateway takes only streams named amazon-apigateway-*)
                        "DestinationArn", Match.objectLike(Map.of("Fn::ImportValue", Match.stringLikeRegexp("AccessLogStream"))))),
                "MethodSettings", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", 200, "ThrottlingBurstLimit", 400, "MetricsEnabled", true)))))));
        Synth.API.resourceCountIs("AWS::Logs::LogGroup", 0);
        Synth.API.resourceCountIs("AWS::ApiGateway::RequestValidator", 1);
    }

    @Test
    void theApiAnswersOnlyWhatCameThroughCloudFront_andTheRateLimitIsAtTheEdge() {
        Map<String, Object> byteMatch = Map.of("ByteMatchStatement", Match.objectLike(Map.of(
                "FieldToMatch", Map.of("SingleHeader", Map.of("Name", "x-verdant-origin")),
                "PositionalConstraint", "EXACTLY",
                "SearchString", Match.objectLike(Map.of("Fn::Join", Match.anyValue())))));
        Synth.API.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", List.of(Match.objectLike(Map.of("Action", Map.of("Block", Map.of()),
                        "Statement", Map.of("NotStatement", Map.of("Statement", Map.of("OrStatement", Map.of(
                                "Statements", List.of(byteMatch, byteMatch)))))))))));
        // the two accepted values are the two slots of the origin secret
        String acl = Synth.API.findResources("AWS::WAFv2::WebACL").toString();
        for (String slot : ApiStack.ORIGIN_SECRET_SLOTS) {
            String secret = Synth.API.findResources("AWS::SecretsManager::Secret").keySet().stream()
                    .filter(id -> id.startsWith("OriginSecret" + slot)).findFirst().orElseThrow();
            assertThat(acl).contains(secret);
        }
        Synth.API.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Match.objectLike(Map.of(
                "ResourceArn", Match.anyValue(), "WebACLArn", Match.anyValue())));
        assertThat(Synth.STACKS.edge().getRegion()).isEqualTo("us-east-1");
        Synth.EDGE.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "CLOUDFRONT",
                "Rules", Match.arrayWith(List.of(Match.objectLike(Map.of("Statement", Map.of("RateBasedStatement",
                        Map.of("Limit", shop.verdant.infra.constructs.Firewall.RATE_LIMIT_PER_5_MINUTES, "AggregateKeyType", "IP")))))))));
        String site = Synth.SITE.findResources("AWS::CloudFront::Distribution").toString();
        assertThat(site).contains("WebACLId", "x-verdant-origin", "OriginCustomHeaders");
    }

    @Test
    void theOriginSecretRotatesWithoutAWindow_cloudFrontSendsTheActiveSlot_theFirewallAcceptsBoth() {
        String sentByDefault = Synth.SITE.findResources("AWS::CloudFront::Distribution").toString();
        assertThat(sentByDefault).contains("OriginSecretA").doesNotContain("OriginSecretB");
        software.amazon.awscdk.App switched = software.amazon.awscdk.App.Builder.create()
                .context(Map.of("verdant:originSecret", "B")).build();
        VerdantApp.Stacks stacks = VerdantApp.build(switched, Synth.ENV);
        String sentAfterSwitch = Template.fromStack(stacks.site()).findResources("AWS::CloudFront::Distribution").toString();
        assertThat(sentAfterSwitch).contains("OriginSecretB").doesNotContain("OriginSecretA");
        // the firewall is the same either way: it accepts both slots
        assertThat(Template.fromStack(stacks.api()).findResources("AWS::WAFv2::WebACL"))
                .isEqualTo(Synth.API.findResources("AWS::WAFv2::WebACL"));
    }

    @Test
    void cognitoRoutesUseTheAuthorizerOnBothPools_andEveryFunctionKnowsTheStaffIssuer() {
        Synth.API.hasResourceProperties("AWS::ApiGateway::Authorizer", Match.objectLike(Map.of(
                "Type", "COGNITO_USER_POOLS", "IdentitySource", "method.request.header.Authorization")));
        String providers = Synth.props(Synth.API.findResources("AWS::ApiGateway::Authorizer").values().iterator().next())
                .get("ProviderARNs").toString();
        assertThat(providers).contains("FnGetAttUsers", "FnGetAttStaff");
        var functions = Synth.resources(List.copyOf(Synth.GROUPS.values()), "AWS::Lambda::Function");
        assertThat(functions).isNotEmpty();
        for (var f : functions.entrySet()) {
            if (Synth.props(f.getValue()).get("Handler") != null && String.valueOf(Synth.props(f.getValue()).get("Handler")).startsWith("shop.verdant.")) {
                assertThat(String.valueOf(Synth.props(f.getValue()).get("Environment"))).as(f.getKey()).contains("STAFF_ISSUER=", "RefStaff");
            }
        }
        long cognitoRoutes = Contract.ROUTES.stream().filter(r -> r.auth() == Route.Auth.COGNITO).count();
        assertThat(Synth.resources(List.copyOf(Synth.GROUPS.values()), "AWS::ApiGateway::Method").values().stream()
                .filter(m -> "COGNITO_USER_POOLS".equals(Synth.props(m).get("AuthorizationType"))
                        && Synth.props(m).get("AuthorizerId") != null)).hasSize((int) cognitoRoutes);
    }

    @Test
    void theGatewaysOwnAnswersAreProblemJsonWithTheirRealStatus_andNoWildcardCors() {
        for (ProblemResponses.Kind k : ProblemResponses.KINDS) {
            Synth.API.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                    "ResponseType", k.type().getResponseType(), "StatusCode", String.valueOf(k.status()),
                    "ResponseParameters", Match.objectLike(Map.of("gatewayresponse.header.Content-Type", "'application/problem+json'")),
                    "ResponseTemplates", Map.of("application/json", ProblemResponses.body(k.slug(), k.title(), k.status(), k.detail())))));
            assertThat(ProblemResponses.body(k.slug(), k.title(), k.status(), k.detail())).contains("\"status\":" + k.status());
        }
        Synth.API.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                "ResponseType", "MISSING_AUTHENTICATION_TOKEN", "StatusCode", "404")));
        Synth.API.resourceCountIs("AWS::ApiGateway::GatewayResponse", ProblemResponses.KINDS.size() + ProblemResponses.DEFAULTS.size());
        // the catch-alls state no status of their own, but API Gateway's message
        assertThat(ProblemResponses.body("client-error", "Request refused", 0, null)).doesNotContain("\"status\"")
                .contains("$context.error.messageString");
        for (Template t : List.of(Synth.API, Synth.SITE)) {
            assertThat(t.toJSON().toString()).doesNotContain("Access-Control-Allow-Origin");
        }
    }

    @Test
    void productStockChangesReachTheCatalogThroughTheTableStream() {
        Template catalog = Synth.GROUPS.get("Catalog");
        catalog.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "StartingPosition", "LATEST",
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "DestinationConfig", Match.objectLike(Map.of("OnFailure", Match.anyValue())))));
        assertThat(Synth.props(functionFor("shop.verdant.catalog.FollowStockChangesHandler"))).containsKey("VpcConfig");
    }

    @Test
    void theExpirySweeperRunsAtTheContractsRate() {
        Synth.GROUPS.get("Shopping").hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2))))))));
    }

    @Test
    void cognitoTriggersLiveWithTheUserPool_notInTheApi() {
        for (Trigger t : Contract.TRIGGERS) {
            boolean inAuth = Synth.AUTH.findResources("AWS::Lambda::Function").toString().contains(t.handler().className());
            assertThat(inAuth).as(t.handler().className()).isEqualTo(t instanceof CognitoTrigger);
        }
        assertThat(ShopFunction.LOG_RETENTION.toString()).isEqualTo("ONE_MONTH");
    }
}
