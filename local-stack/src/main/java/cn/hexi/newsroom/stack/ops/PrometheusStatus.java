package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.stack.ops.PipelineStatus.Freshness;
import cn.hexi.newsroom.stack.ops.PipelineStatus.Stage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status from the Prometheus that scrapes the pipeline ({@code ops/prometheus/prometheus.yml}): rates over the
 * last minute, freshness over the last five minutes (else since the publish service started), the same expressions
 * as the dashboard and alerts.
 */
public final class PrometheusStatus {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FRESHNESS_BUCKETS = "newsroom_article_freshness_seconds_bucket";

    private final URI prometheus;
    private final Clock clock;

    public PrometheusStatus(URI prometheus, Clock clock) {
        this.prometheus = prometheus;
        this.clock = clock;
    }

    /** Empty when Prometheus does not answer or scrapes no pipeline service yet. */
    public Optional<PipelineStatus> read() {
        Optional<Map<String, Double>> up = vector("up{job=\"newsroom\"}", "stage");
        if (up.isEmpty() || up.get().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> in = bySum("rate(newsroom_stage_records_in_total[1m])", "stage");
        Map<String, Double> failed = bySum("rate(newsroom_stage_records_in_total{outcome!=\"success\"}[1m])", "stage");
        Map<String, Double> out = bySum("rate(newsroom_stage_records_out_total[1m])", "stage");
        Map<String, Double> deadLetters = bySum("newsroom_dead_letters_total", "stage");
        Map<String, OptionalLong> lag = PipelineStatus.lagByStage(bySum("spring_cloud_stream_binder_kafka_offset", "group"));
        List<Stage> stages = new ArrayList<>();
        for (String stage : PipelineStatus.STAGES) {
            stages.add(new Stage(stage, up.get().getOrDefault(stage, 0.0) == 1.0, in.getOrDefault(stage, 0.0),
                    out.getOrDefault(stage, 0.0), failed.getOrDefault(stage, 0.0),
                    lag.get(stage),
                    Math.round(deadLetters.getOrDefault(stage, 0.0))));
        }
        Optional<Instant> lastIssue = scalar("max(max_over_time(newsroom_ingest_last_issue_timestamp_seconds[37h]))")
                .map(seconds -> Instant.ofEpochMilli(Math.round(seconds * 1000)));
        return Optional.of(new PipelineStatus(clock.instant(), "Prometheus at " + prometheus + ", rates over the last minute",
                stages, freshness(), lastIssue));
    }

    private Freshness freshness() {
        String recentBuckets = "sum by (le) (rate(" + FRESHNESS_BUCKETS + "[5m]))";
        OptionalDouble recentP50 = quantile(0.5, recentBuckets);
        if (recentP50.isPresent()) {
            // increase() extrapolates to the window's edges, so the count is an estimate.
            long recent = Math.round(scalar("sum(increase(newsroom_article_freshness_seconds_count[5m]))").orElse(0.0));
            return new Freshness("last 5 minutes", recent, true, recentP50, quantile(0.95, recentBuckets));
        }
        String buckets = "sum by (le) (" + FRESHNESS_BUCKETS + ")";
        return new Freshness("since the publish service started", Math.round(scalar("sum(newsroom_article_freshness_seconds_count)").orElse(0.0)),
                false, quantile(0.5, buckets), quantile(0.95, buckets));
    }

    private OptionalDouble quantile(double q, String buckets) {
        return scalar("histogram_quantile(" + q + ", " + buckets + ")").filter(v -> !v.isNaN())
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private Map<String, Double> bySum(String expression, String label) {
        return vector("sum by (" + label + ") (" + expression + ")", label).orElse(Map.of());
    }

    private Optional<Double> scalar(String expression) {
        return vector(expression, "__none__").map(values -> values.get(""));
    }

    /** An instant vector's values by one label (the empty string for series without it). */
    private Optional<Map<String, Double>> vector(String expression, String label) {
        return PrometheusServer.query(prometheus, expression).map(body -> {
            Map<String, Double> values = new LinkedHashMap<>();
            for (JsonNode series : JSON.readTree(body).path("data").path("result")) {
                values.put(series.path("metric").path(label).asString(""), Double.parseDouble(series.path("value").path(1).asString()));
            }
            return values;
        });
    }
}
