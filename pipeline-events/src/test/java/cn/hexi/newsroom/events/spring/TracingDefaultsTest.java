package cn.hexi.newsroom.events.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTest {

    @Test
    void spansAreExportedOnlyWhenAnOtlpEndpointIsGiven() {
        StandardEnvironment quiet = environment(Map.of());
        StandardEnvironment exporting = environment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"));

        assertThat(quiet.containsProperty(TracingDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT)).isFalse();
        assertThat(exporting.getProperty(TracingDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
        assertThat(quiet.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(quiet.getProperty("logging.pattern.correlation")).contains("trace=%X{traceId:-}", "issue=%X{issueId:-}", "article=%X{articleId:-}");
    }

    @Test
    void configurationOverridesTheDefaults() {
        StandardEnvironment environment = environment(Map.of("management.tracing.sampling.probability", "0.1"));

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }

    @Test
    void aConsumedRecordNamesItsIssueAndArticleInTheLogContextUntilItIsHandled() {
        EventLogContext.forEvent("a1b2c3d4e5f60718", "a1b2c3d4e5f60718-003", () -> {
            assertThat(MDC.get(EventLogContext.ISSUE_ID)).isEqualTo("a1b2c3d4e5f60718");
            assertThat(MDC.get(EventLogContext.ARTICLE_ID)).isEqualTo("a1b2c3d4e5f60718-003");
            return null;
        });
        assertThat(MDC.get(EventLogContext.ISSUE_ID)).isNull();
        assertThat(MDC.get(EventLogContext.ARTICLE_ID)).isNull();

        EventLogContext.forEvent("a1b2c3d4e5f60718", "a1b2c3d4e5f60718", () -> {
            assertThat(MDC.get(EventLogContext.ISSUE_ID)).isEqualTo("a1b2c3d4e5f60718");
            assertThat(MDC.get(EventLogContext.ARTICLE_ID)).as("an issue event is about no one article").isNull();
            return null;
        });
        assertThat(MDC.get(EventLogContext.ISSUE_ID)).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(given)));
        new TracingDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
