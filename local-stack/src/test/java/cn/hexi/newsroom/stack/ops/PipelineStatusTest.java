package cn.hexi.newsroom.stack.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.hexi.newsroom.stack.ops.PipelineStatus.Freshness;
import cn.hexi.newsroom.stack.ops.PipelineStatus.Stage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PipelineStatusTest {

    private static final String EXPOSITION = """
            # HELP newsroom_stage_records_in_total input records
            # TYPE newsroom_stage_records_in_total counter
            newsroom_stage_records_in_total{instance="local",outcome="success",reason="none",service="enrich-service",stage="enrich"} 42.0
            newsroom_stage_records_in_total{instance="local",outcome="failed",reason="MalformedEventException",service="enrich-service",stage="enrich"} 1.0
            newsroom_dead_letters_total{reason="a \\"quoted\\" {reason}",stage="enrich",topic="t"} 1.0
            newsroom_article_freshness_seconds_bucket{le="0.5"} 30.0
            newsroom_article_freshness_seconds_bucket{le="1.0"} 40.0
            newsroom_article_freshness_seconds_bucket{le="+Inf"} 44.0
            process_uptime_seconds 12.5
            """;

    @Test
    void expositionTextIsReadWithEscapedLabelValuesAndInfiniteBounds() {
        MetricSamples samples = MetricSamples.parse(EXPOSITION);

        assertThat(samples.sum("newsroom_stage_records_in_total")).isEqualTo(43.0);
        assertThat(samples.sum("newsroom_stage_records_in_total", Map.of("outcome", "success"))).isEqualTo(42.0);
        assertThat(samples.sumBy("newsroom_dead_letters_total", "reason")).containsOnlyKeys("a \"quoted\" {reason}");
        assertThat(samples.buckets("newsroom_article_freshness_seconds")).containsExactly(
                Map.entry(0.5, 30.0), Map.entry(1.0, 40.0), Map.entry(Double.POSITIVE_INFINITY, 44.0));
        assertThat(samples.sum("process_uptime_seconds")).isEqualTo(12.5);
        assertThat(samples.has("newsroom_ingest_last_issue_timestamp_seconds")).isFalse();
    }

    @Test
    void quantilesInterpolateInsideTheirBucketLikePromqlHistogramQuantile() {
        TreeMap<Double, Double> buckets = MetricSamples.parse(EXPOSITION).buckets("newsroom_article_freshness_seconds");

        // rank 22 of 44 lies in (0, 0.5] holding 30: 0.5 * 22/30
        assertThat(PipelineStatus.quantile(0.5, buckets).orElseThrow()).isCloseTo(0.3667, within(1e-4));
        // rank 41.8 lies past the last finite bound: Prometheus answers that bound
        assertThat(PipelineStatus.quantile(0.95, buckets).orElseThrow()).isEqualTo(1.0);
        // rank 35.2 lies in (0.5, 1] holding 10: 0.5 + 0.5 * 5.2/10
        assertThat(PipelineStatus.quantile(0.8, buckets).orElseThrow()).isCloseTo(0.76, within(1e-9));
        assertThat(PipelineStatus.quantile(0.5, new TreeMap<>(Map.of(Double.POSITIVE_INFINITY, 0.0)))).isEmpty();
    }

    @Test
    void consumerGroupsMapToTheirStage() {
        assertThat(PipelineStatus.stageOfGroup("enrich-service")).isEqualTo("enrich");
        assertThat(PipelineStatus.stageOfGroup("publish")).isEqualTo("publish");
        assertThat(PipelineStatus.lagByStage(Map.of("enrich-service", 3.0, "publish-service", 1.0, "publish-extra", 2.0)))
                .containsEntry("enrich", OptionalLong.of(3)).containsEntry("publish", OptionalLong.of(3))
                .containsEntry("parse", OptionalLong.empty()).containsEntry("ingest", OptionalLong.empty());
    }

    @Test
    void theReportShowsEveryStageADownOnePlainlyAndHowLongAgoTheLastIssueCame() {
        Instant now = Instant.parse("2026-11-23T04:00:00Z");
        PipelineStatus status = new PipelineStatus(now, "test", List.of(
                new Stage("ingest", true, 0.1, 0.1, 0, OptionalLong.empty(), 0),
                new Stage("parse", false, 0, 0, 0, OptionalLong.of(12), 0),
                new Stage("enrich", true, 3.5, 3.5, 0.02, OptionalLong.of(0), 1),
                new Stage("publish", true, 3.5, 7.0, 0, OptionalLong.of(0), 0)),
                new Freshness("last 5 minutes", 44, true, OptionalDouble.of(0.25), OptionalDouble.of(0.48)),
                Optional.of(Instant.parse("2026-11-23T02:35:00Z")));

        String report = status.render(ZoneId.of("Asia/Shanghai"));

        assertThat(status.allUp()).isFalse();
        assertThat(report).contains("Pipeline status at 2026-11-23 12:00:00 (test)");
        assertThat(report).containsPattern("parse +NO +0\\.00 +0\\.00 +0\\.00 +12 +0\n");
        assertThat(report).containsPattern("enrich +yes +3\\.50 +3\\.50 +0\\.02 +0 +1\n");
        assertThat(report).containsPattern("ingest +yes .* - +0\n");
        assertThat(report).contains("last 5 minutes: p50 0.25 s, p95 0.48 s over about 44 articles");
        assertThat(report).contains("last issue ingested: 2026-11-23 10:35:00 (1 h 25 min ago)");
    }
}
