package cn.hexi.newsroom.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What operations watch of the publish stage's output (docs/metrics.md): notifications per channel and outcome, and
 * freshness, the time from an issue's acceptance at ingest to its article's publication, against the SLO buckets.
 */
@Component
public class NotificationMetrics {

    public static final String NOTIFICATIONS = "newsroom.notifications";
    public static final String FRESHNESS = "newsroom.article.freshness";
    public static final String KAFKA = "kafka";
    public static final String SSE = "sse";
    public static final String WEBHOOK = "webhook";

    private final MeterRegistry registry;
    private final Timer freshness;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.freshness = Timer.builder(FRESHNESS).description("From the issue's acceptance at ingest to the article's publication")
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(30))
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    public void notified(String channel, String outcome) {
        Counter.builder(NOTIFICATIONS).description("Article notifications by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    /** An article version was published; {@code acceptedAt} is when ingest accepted its issue (null when unknown). */
    public void published(Instant acceptedAt, Instant publishedAt) {
        if (acceptedAt != null && publishedAt != null && !publishedAt.isBefore(acceptedAt)) {
            freshness.record(Duration.between(acceptedAt, publishedAt));
        }
    }
}
