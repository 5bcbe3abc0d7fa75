package shop.verdant.adapter.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The deploy hook's Cognito step against a stand-in speaking both JSON protocols (moto's identity pools have no
 * role mappings): Dashboards' app clients found across pages, their providers mapped to the token's role, the pool's
 * roles and another provider's mapping kept.
 */
class DashboardsSignInTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> setRoles = Collections.synchronizedList(new ArrayList<>());
    HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(ex.getRequestBody());
            String answer = switch (target) {
                case "AWSCognitoIdentityProviderService.ListUserPoolClients" -> body.has("NextToken")
                        ? "{\"UserPoolClients\":[{\"ClientId\":\"os2\",\"ClientName\":\"AWSOpenSearch-verdant-abc\",\"UserPoolId\":\"eu-west-1_P\"}]}"
                        : "{\"UserPoolClients\":[{\"ClientId\":\"shop\",\"ClientName\":\"verdant-storefront\",\"UserPoolId\":\"eu-west-1_P\"},"
                        + "{\"ClientId\":\"es1\",\"ClientName\":\"AWSElasticsearch-verdant-old\",\"UserPoolId\":\"eu-west-1_P\"}],\"NextToken\":\"p2\"}";
                case "AWSCognitoIdentityService.GetIdentityPoolRoles" -> "{\"IdentityPoolId\":\"eu-west-1:pool\","
                        + "\"Roles\":{\"authenticated\":\"arn:aws:iam::1:role/nobody\"},"
                        + "\"RoleMappings\":{\"graph.facebook.com\":{\"Type\":\"Rules\",\"AmbiguousRoleResolution\":\"Deny\","
                        + "\"RulesConfiguration\":{\"Rules\":[{\"Claim\":\"x\",\"MatchType\":\"Equals\",\"Value\":\"y\",\"RoleARN\":\"arn:aws:iam::1:role/r\"}]}}}}";
                case "AWSCognitoIdentityService.SetIdentityPoolRoles" -> {
                    setRoles.add(body);
                    yield "{}";
                }
                default -> "{\"__type\":\"UnknownOperationException\"}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyDashboardsClientGetsTheTokensRoleAndNothingElseChanges() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (var idp = CognitoIdentityProviderClient.builder().endpointOverride(url).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             var identity = CognitoIdentityClient.builder().endpointOverride(url).region(Region.EU_WEST_1)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            List<String> mapped = new DashboardsSignIn(idp, identity).useRoleFromToken("eu-west-1", "eu-west-1_P", "eu-west-1:pool");
            assertThat(mapped).containsExactly("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_P:es1",
                    "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_P:os2");
        }
        assertThat(setRoles).hasSize(1);
        JsonNode set = setRoles.get(0);
        assertThat(set.at("/Roles/authenticated").asText()).isEqualTo("arn:aws:iam::1:role/nobody");
        assertThat(set.at("/RoleMappings/graph.facebook.com/Type").asText()).isEqualTo("Rules");
        for (String client : List.of("es1", "os2")) {
            JsonNode m = set.get("RoleMappings").get("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_P:" + client);
            assertThat(m.get("Type").asText()).isEqualTo("Token");
            assertThat(m.get("AmbiguousRoleResolution").asText()).isEqualTo("AuthenticatedRole");
        }
        assertThat(set.get("RoleMappings").has("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_P:shop"))
                .as("the storefront's client is not Dashboards'").isFalse();
    }
}
