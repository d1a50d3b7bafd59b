package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.stack.ops.PipelineStatus.Freshness;
import cn.hexi.newsroom.stack.ops.PipelineStatus.Stage;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The status without a Prometheus: each service's {@code /actuator/prometheus} scraped twice, a sample window
 * apart; rates are over that window, freshness over the publish service's lifetime.
 */
public final class ScrapedStatus {

    private static final String FRESHNESS = "newsroom_article_freshness_seconds";

    private final Map<String, URI> metricsByStage;
    private final Duration window;
    private final Clock clock;

    /** @param metricsByStage each stage's {@code /actuator/prometheus} address */
    public ScrapedStatus(Map<String, URI> metricsByStage, Duration window, Clock clock) {
        this.metricsByStage = metricsByStage;
        this.window = window;
        this.clock = clock;
    }

    public PipelineStatus read(String why) throws InterruptedException {
        return read(why, () -> { });
    }

    /** @param afterFirstScrape runs once the first scrape is done, before the window begins (a caller's progress line, a test's upload) */
    public PipelineStatus read(String why, Runnable afterFirstScrape) throws InterruptedException {
        Map<String, Optional<MetricSamples>> first = scrapeAll();
        afterFirstScrape.run();
        Thread.sleep(window.toMillis());
        Map<String, Optional<MetricSamples>> second = scrapeAll();
        double seconds = window.toMillis() / 1000.0;

        Map<String, Double> lagByGroup = new LinkedHashMap<>();
        second.values().stream().flatMap(Optional::stream)
                .forEach(samples -> lagByGroup.putAll(samples.sumBy("spring_cloud_stream_binder_kafka_offset", "group")));
        Map<String, OptionalLong> lag = PipelineStatus.lagByStage(lagByGroup);
        List<Stage> stages = new ArrayList<>();
        for (String stage : PipelineStatus.STAGES) {
            Optional<MetricSamples> before = first.get(stage);
            Optional<MetricSamples> after = second.get(stage);
            boolean up = before.isPresent() && after.isPresent();
            stages.add(new Stage(stage, after.isPresent(),
                    up ? rate(before.get(), after.get(), "newsroom_stage_records_in_total", Map.of(), seconds) : 0,
                    up ? rate(before.get(), after.get(), "newsroom_stage_records_out_total", Map.of(), seconds) : 0,
                    up ? failedRate(before.get(), after.get(), seconds) : 0,
                    lag.get(stage),
                    after.map(s -> Math.round(s.sum("newsroom_dead_letters_total"))).orElse(0L)));
        }
        Freshness freshness = second.get("publish").map(publish -> {
            Map<Double, Double> buckets = publish.buckets(FRESHNESS);
            return new Freshness("since the publish service started", Math.round(publish.sum(FRESHNESS + "_count")), false,
                    PipelineStatus.quantile(0.5, buckets), PipelineStatus.quantile(0.95, buckets));
        }).orElse(new Freshness("publish service unreachable", 0, false, OptionalDouble.empty(), OptionalDouble.empty()));
        Optional<Instant> lastIssue = second.get("ingest").filter(s -> s.has("newsroom_ingest_last_issue_timestamp_seconds"))
                .map(s -> Instant.ofEpochMilli(Math.round(s.sum("newsroom_ingest_last_issue_timestamp_seconds") * 1000)));
        return new PipelineStatus(clock.instant(), why + "; scraped the services " + window.toSeconds() + " s apart, rates over that window",
                stages, freshness, lastIssue);
    }

    private static double rate(MetricSamples before, MetricSamples after, String counter, Map<String, String> labels, double seconds) {
        // A service restarted in between starts its counters again from zero.
        return Math.max(0, after.sum(counter, labels) - before.sum(counter, labels)) / seconds;
    }

    private static double failedRate(MetricSamples before, MetricSamples after, double seconds) {
        String counter = "newsroom_stage_records_in_total";
        return Math.max(0, rate(before, after, counter, Map.of(), seconds) - rate(before, after, counter, Map.of("outcome", "success"), seconds));
    }

    private Map<String, Optional<MetricSamples>> scrapeAll() throws InterruptedException {
        Map<String, Optional<MetricSamples>> scrapes = new LinkedHashMap<>();
        for (Map.Entry<String, URI> stage : metricsByStage.entrySet()) {
            try {
                scrapes.put(stage.getKey(), Optional.of(MetricSamples.scrape(stage.getValue())));
            } catch (IOException unreachable) {
                scrapes.put(stage.getKey(), Optional.empty());
            }
        }
        return scrapes;
    }
}
