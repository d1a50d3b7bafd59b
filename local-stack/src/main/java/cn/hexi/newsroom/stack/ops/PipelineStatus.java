package cn.hexi.newsroom.stack.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code ./pipeline status} shows: per stage whether it answers, its flow, its consumer lag and its dead
 * letters; how fresh published articles are; and when the last issue came in.
 *
 * @param source    where the figures come from and over which window the rates are
 * @param freshness ingest-accepted to published, estimated from the SLO buckets as Prometheus does
 */
public record PipelineStatus(Instant at, String source, List<Stage> stages, Freshness freshness, Optional<Instant> lastIssue) {

    public static final List<String> STAGES = List.of("ingest", "parse", "enrich", "publish");

    /**
     * @param lag         records waiting for the stage's consumer group; empty for ingest, which consumes no topic
     * @param deadLetters records the stage dead-lettered since it started
     */
    public record Stage(String name, boolean up, double inPerSecond, double outPerSecond, double failedPerSecond,
                        OptionalLong lag, long deadLetters) {
    }

    /**
     * @param window          the period the quantiles are over, {@code last 5 minutes}
     * @param articlesEstimated whether the article count is Prometheus's extrapolated estimate
     */
    public record Freshness(String window, long articles, boolean articlesEstimated, OptionalDouble p50, OptionalDouble p95) {
    }

    public boolean allUp() {
        return stages.stream().allMatch(Stage::up);
    }

    /** The stage of a consumer group ({@code enrich-service} to {@code enrich}). */
    static String stageOfGroup(String group) {
        int dash = group.indexOf('-');
        return dash < 0 ? group : group.substring(0, dash);
    }

    /** Records waiting per stage, from the binder's lag per consumer group; ingest, which consumes nothing, has none. */
    static Map<String, OptionalLong> lagByStage(Map<String, Double> lagByGroup) {
        Map<String, Double> sums = new HashMap<>();
        lagByGroup.forEach((group, records) -> sums.merge(stageOfGroup(group), records, Double::sum));
        Map<String, OptionalLong> lag = new HashMap<>();
        STAGES.forEach(stage -> lag.put(stage, sums.containsKey(stage) ? OptionalLong.of(Math.round(sums.get(stage))) : OptionalLong.empty()));
        return lag;
    }

    /**
     * The q-quantile of cumulative histogram buckets (upper bound to count, {@code +Inf} included), interpolated
     * linearly inside the bucket the way PromQL's {@code histogram_quantile} does.
     */
    public static OptionalDouble quantile(double q, Map<Double, Double> cumulative) {
        double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = bucket.getValue() - lowerCount;
                return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * (inBucket == 0 ? 0 : (rank - lowerCount) / inBucket));
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }

    public String render(ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        StringBuilder out = new StringBuilder();
        out.append("Pipeline status at ").append(time.format(at)).append(" (").append(source).append(")\n\n");
        out.append(String.format("%-8s %-5s %9s %9s %9s %8s %13s%n", "stage", "up", "in/s", "out/s", "failed/s", "lag", "dead letters"));
        for (Stage stage : stages) {
            out.append(String.format("%-8s %-5s %9.2f %9.2f %9.2f %8s %13d%n", stage.name(), stage.up() ? "yes" : "NO",
                    stage.inPerSecond(), stage.outPerSecond(), stage.failedPerSecond(),
                    stage.lag().isPresent() ? String.valueOf(stage.lag().getAsLong()) : "-", stage.deadLetters()));
        }
        out.append('\n').append("freshness (ingest accepted to published), ").append(freshness.window()).append(": ");
        if (freshness.articles() == 0) {
            out.append("no articles published\n");
        } else {
            out.append(String.format("p50 %s, p95 %s over %s%d articles%n", seconds(freshness.p50()), seconds(freshness.p95()),
                    freshness.articlesEstimated() ? "about " : "", freshness.articles()));
        }
        out.append("last issue ingested: ").append(lastIssue.map(last -> time.format(last) + " (" + ago(Duration.between(last, at)) + ")")
                .orElse("none since the ingest service started")).append('\n');
        return out.toString();
    }

    private static String seconds(OptionalDouble value) {
        return value.isPresent() ? String.format("%.2f s", value.getAsDouble()) : "-";
    }

    private static String ago(Duration age) {
        if (age.toMinutes() < 1) {
            return Math.max(0, age.toSeconds()) + " s ago";
        }
        return age.toHours() < 1 ? age.toMinutes() + " min ago" : age.toHours() + " h " + age.toMinutesPart() + " min ago";
    }
}
