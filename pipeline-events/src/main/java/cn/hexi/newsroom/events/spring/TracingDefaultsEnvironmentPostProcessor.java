package cn.hexi.newsroom.events.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The services' shared tracing defaults, added last so any configuration overrides them: every issue traced (a
 * newspaper's volume is small), the trace context carried in Kafka headers by the event publisher and the binder,
 * trace, span, issue and article ids in every log line, metric exemplars any Prometheus can read, and spans exported over OTLP only when an endpoint is
 * given, as {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the OpenTelemetry variable) or the Spring property.
 */
public class TracingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        defaults.put("logging.pattern.correlation", "[${spring.application.name:},trace=%X{traceId:-},span=%X{spanId:-},"
                + "issue=%X{" + EventLogContext.ISSUE_ID + ":-},article=%X{" + EventLogContext.ARTICLE_ID + ":-}] ");
        // With tracing, samples carry trace exemplars; Prometheus before 2.43 (Debian's is 2.42) refuses a whole scrape
        // when a _count line has one, so they stay on counters and histogram buckets only.
        defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]", "false");
        String otelEndpoint = environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        // Boot creates the exporter whenever the property exists, so it is set only when there is somewhere to send.
        if (otelEndpoint != null && !otelEndpoint.isBlank()) {
            defaults.put(OTLP_ENDPOINT, otelEndpoint);
        }
        environment.getPropertySources().addLast(new MapPropertySource("newsroomTracingDefaults", defaults));
    }
}
