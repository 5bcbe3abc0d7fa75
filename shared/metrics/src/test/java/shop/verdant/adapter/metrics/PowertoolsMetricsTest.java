package shop.verdant.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import shop.verdant.http.Json;
import shop.verdant.http.Metrics;

/** What a flush writes: one CloudWatch EMF document (the surefire run tells EMF it runs locally, to stdout). */
class PowertoolsMetricsTest {
    @Test
    void aFlushWritesOneEmfLineWithTheCountsTheNamespaceAndTheService() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Metrics metrics = PowertoolsMetrics.fromEnvironment();
            assertThat(metrics).isInstanceOf(PowertoolsMetrics.class);
            metrics.count("OrdersPlaced");
            metrics.count("OrdersPlaced");
            metrics.flush();
        } finally {
            System.setOut(original);
        }
        String emf = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("_aws")).findFirst().orElseThrow(
                () -> new AssertionError("no EMF line in: " + captured));
        JsonNode doc = Json.read(emf, JsonNode.class);
        JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("Verdant");
        assertThat(directive.get("Metrics").toString()).contains("OrdersPlaced", "Count");
        assertThat(directive.get("Dimensions").toString()).contains("Service");
        assertThat(doc.get("Service").asText()).isEqualTo("verdant-test");
        assertThat(doc.get("OrdersPlaced").toString()).isIn("2.0", "2", "[1.0,1.0]", "[1,1]");
    }
}
