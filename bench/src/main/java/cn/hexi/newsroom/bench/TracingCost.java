package cn.hexi.newsroom.bench;

import java.util.EnumMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/** The report's section on tracing: {@link StageTracing} with every trace sampled, with none sampled, and without observation. */
final class TracingCost {

    /** An article is a record in, or an event out of, three stages: parse (its event), enrich and publish. */
    private static final int STAGES_PER_ARTICLE = 3;

    private TracingCost() {
    }

    static String section() throws RunnerException {
        Map<StageTracing.Tracing, Double> recordsPerSecond = new EnumMap<>(StageTracing.Tracing.class);
        Map<StageTracing.Tracing, Double> error = new EnumMap<>(StageTracing.Tracing.class);
        for (RunResult result : BenchMain.run(StageTracing.class.getName(), 5)) {
            StageTracing.Tracing tracing = StageTracing.Tracing.valueOf(result.getParams().getParam("tracing"));
            recordsPerSecond.put(tracing, result.getPrimaryResult().getScore() * StageTracing.RECORDS_PER_BATCH);
            error.put(tracing, result.getPrimaryResult().getScoreError() * StageTracing.RECORDS_PER_BATCH);
        }
        if (recordsPerSecond.size() != StageTracing.Tracing.values().length) {
            throw new IllegalStateException("StageTracing measured only " + recordsPerSecond.keySet() + "; see its output above");
        }
        double untracedMicros = 1e6 / recordsPerSecond.get(StageTracing.Tracing.NONE);
        StringBuilder md = new StringBuilder("## What tracing costs\n\n");
        md.append(String.format("JMH (one thread, forked JVM with `-Xmx256m`, 5 × 2 s warm-up, 5 × 2 s measurement): the stages' batch consumer "
                + "taking batches of %d records that carry their issue's trace context, each record becoming one event sent by the stages' "
                + "publisher to Kafka's mock producer, with the observation registry Spring Boot builds for the services. Each record is "
                + "a span continuing its issue's trace and each send a span whose context travels in the event's headers; an article is "
                + "a record or an event of %d stages.%n%n", StageTracing.RECORDS_PER_BATCH, STAGES_PER_ARTICLE));
        md.append("| observation | records/s per core | time per record | tracing's cost per record | per article (× 3 stages) |\n|---|---|---|---|---|\n");
        for (StageTracing.Tracing tracing : StageTracing.Tracing.values()) {
            double micros = 1e6 / recordsPerSecond.get(tracing);
            md.append(String.format("| %s | %.0f ± %.0f | %.1f µs | %.1f µs | %.3f ms |%n", describe(tracing), recordsPerSecond.get(tracing),
                    error.get(tracing), micros, micros - untracedMicros, STAGES_PER_ARTICLE * (micros - untracedMicros) / 1000));
        }
        return md.append('\n').toString();
    }

    private static String describe(StageTracing.Tracing tracing) {
        return switch (tracing) {
            case SAMPLED -> "every trace sampled (the services' default)";
            case UNSAMPLED -> "none sampled (`management.tracing.sampling.probability=0`)";
            case NONE -> "no observation at all";
        };
    }
}
