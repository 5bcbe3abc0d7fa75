package shop.verdant.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the deploy hook asks of the OpenSearch Service domain, recorded by a stand-in that answers as the security
 * plugin and Dashboards do (the local engine has neither): the requests, their authentication and their bodies.
 */
class TrackingSetupTest {
    record Call(String method, String path, String authorization, String xsrf, String contentType, String body) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean dashboardsRefuse = new AtomicBoolean();
    HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().toString();
            calls.add(new Call(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("osd-xsrf"), ex.getRequestHeaders().getFirst("Content-Type"), body));
            String answer;
            int status = 200;
            if (path.startsWith("/_cat/plugins")) {
                answer = "[{\"component\":\"opensearch-index-management\"},{\"component\":\"opensearch-security\"}]";
            } else if (path.startsWith("/_plugins/_ism/policies/") && ex.getRequestMethod().equals("GET")) {
                status = 404;
                answer = "{}";
            } else if (path.startsWith("/_dashboards/")) {
                answer = dashboardsRefuse.get() ? "{\"success\":false,\"errors\":[{\"id\":\"x\"}]}" : "{\"success\":true,\"successCount\":21}";
            } else {
                answer = "{\"acknowledged\":true}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void theDomainGetsTemplatesPoliciesRolesMappingsAndDashboards_asTheMasterUser() {
        var access = new TrackingSetup.Access(List.of("arn:aws:iam::1:role/firehose"),
                List.of("arn:aws:iam::1:role/insights-a", "arn:aws:iam::1:role/insights-b"),
                List.of("arn:aws:iam::1:role/marketing", "arn:aws:iam::1:role/admins"));
        List<String> applied = TrackingSetup.domain(OpenSearchHttp.basicAuth(url(), "verdant-admin", "s3cret"), access);

        String basic = "Basic " + Base64.getEncoder().encodeToString("verdant-admin:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(calls).allSatisfy(c -> assertThat(c.authorization()).isEqualTo(basic));
        List<String> puts = calls.stream().filter(c -> c.method().equals("PUT")).map(Call::path).toList();
        assertThat(puts).containsExactly("/_index_template/behaviour", "/_index_template/access-logs",
                "/_plugins/_ism/policies/behaviour-retention", "/_plugins/_ism/policies/access-logs-retention",
                "/_plugins/_security/api/roles/verdant_tracking_writer", "/_plugins/_security/api/roles/verdant_insights_reader",
                "/_plugins/_security/api/roles/verdant_marketing",
                "/_plugins/_security/api/rolesmapping/verdant_tracking_writer", "/_plugins/_security/api/rolesmapping/verdant_insights_reader",
                "/_plugins/_security/api/rolesmapping/verdant_marketing", "/_plugins/_security/api/rolesmapping/kibana_user");
        assertThat(body("/_plugins/_security/api/rolesmapping/verdant_insights_reader"))
                .isEqualTo("{\"backend_roles\":[\"arn:aws:iam::1:role/insights-a\",\"arn:aws:iam::1:role/insights-b\"]}");
        assertThat(body("/_plugins/_security/api/roles/verdant_insights_reader")).contains("\"behaviour-*\"", "\"read\"")
                .doesNotContain("access-logs", "crud");
        Call dashboards = calls.stream().filter(c -> c.path().startsWith("/_dashboards/")).findFirst().orElseThrow();
        assertThat(dashboards.path()).isEqualTo("/_dashboards/api/saved_objects/_import?overwrite=true");
        assertThat(dashboards.xsrf()).isEqualTo("true");
        assertThat(dashboards.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(dashboards.body()).contains("filename=\"saved-objects.ndjson\"", "\"id\":\"insight-funnel\"");
        assertThat(applied).contains("dashboards 21 saved objects", "mapping verdant_marketing <- 2 roles");
    }

    @Test
    void aRefusedImportFailsTheHookWithTheReason() {
        dashboardsRefuse.set(true);
        assertThatThrownBy(() -> TrackingSetup.domain(OpenSearchHttp.basicAuth(url(), "u", "p"),
                new TrackingSetup.Access(List.of(), List.of(), List.of()))).hasMessageContaining("Dashboards refused");
    }

    String body(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow().body();
    }
}
