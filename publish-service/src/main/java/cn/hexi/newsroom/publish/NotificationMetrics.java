package cn.hexi.newsroom.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
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

    /**
     * The SLO bounds (0.5, 1, 2, 5 and 30 s) among finer ones: a quantile is interpolated inside its bucket, and with
     * only the SLO bounds an article published after 6 s and one after 29 s would read alike.
     */
    static final Duration[] FRESHNESS_BUCKETS = Stream.of(0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0,
            60.0, 120.0, 300.0).map(seconds -> Duration.ofMillis(Math.round(seconds * 1000))).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Timer freshness;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.freshness = Timer.builder(FRESHNESS).description("From the issue's acceptance at ingest to the article's publication")
                .serviceLevelObjectives(FRESHNESS_BUCKETS)
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
