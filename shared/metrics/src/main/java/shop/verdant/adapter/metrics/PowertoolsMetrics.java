package shop.verdant.adapter.metrics;

import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import shop.verdant.config.Env;
import shop.verdant.http.Metrics;

/**
 * Powertools metrics (CloudWatch EMF, namespace {@code POWERTOOLS_METRICS_NAMESPACE}, the service from
 * {@code POWERTOOLS_SERVICE_NAME} as a dimension), flushed once per request. Outside Lambda (the local shop,
 * tests) it records nothing: the EMF library would look for a CloudWatch agent there.
 */
public final class PowertoolsMetrics implements Metrics {
    private final software.amazon.lambda.powertools.metrics.Metrics metrics;

    private PowertoolsMetrics(software.amazon.lambda.powertools.metrics.Metrics metrics) {
        this.metrics = metrics;
    }

    public static Metrics fromEnvironment() {
        return Env.get("AWS_LAMBDA_FUNCTION_NAME", null) == null && Env.get("AWS_EMF_ENVIRONMENT", null) == null
                ? Metrics.NONE : new PowertoolsMetrics(MetricsFactory.getMetricsInstance());
    }

    @Override
    public void count(String name, long n) {
        metrics.addMetric(name, n, MetricUnit.COUNT);
    }

    @Override
    public void flush() {
        metrics.flush();
    }
}
