package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * The per-stage flow metrics every service exports (see docs/metrics.md):
 * {@code newsroom.stage.records.in} by outcome, {@code newsroom.stage.records.out} by topic, and
 * {@code newsroom.stage.processing} timing each input record, and {@code newsroom.dead.letters} by source topic and reason.
 */
public class StageMetrics {

    public static final String RECORDS_IN = "newsroom.stage.records.in";
    public static final String RECORDS_OUT = "newsroom.stage.records.out";
    public static final String PROCESSING = "newsroom.stage.processing";
    public static final String DEAD_LETTERS = "newsroom.dead.letters";

    private final MeterRegistry registry;
    private final String stage;

    public StageMetrics(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        // Registered at zero, so that rate() over a fresh service counts its first records too.
        inCounter("success", "none");
        for (EventType type : EventType.values()) {
            if (type.producingStage().equals(stage)) {
                outCounter(type);
            }
        }
    }

    /** Runs the processing of one input record, counting it as {@code success} or {@code failed} and timing it. */
    public <T> T process(Supplier<T> work) {
        return process(1, work);
    }

    /** Runs the processing of several input records at once (one send for all), counting each and timing the whole. */
    public <T> T process(int records, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            T result = work.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder(PROCESSING).tag("stage", stage).tag("outcome", outcome)
                    .publishPercentileHistogram().register(registry));
            inCounter(outcome, "none").increment(records);
        }
    }

    /** Counts an input refused before processing (bad request, malformed record), with the reason. */
    public void rejected(String reason) {
        recordIn("rejected", reason);
    }

    public void emitted(EventType type, int count) {
        outCounter(type).increment(count);
    }

    /** Counts a record sent to the stage's dead-letter topic: its source topic and the reason, an exception class name. */
    public void deadLettered(String sourceTopic, String reason) {
        Counter.builder(DEAD_LETTERS).description("records sent to a dead-letter topic")
                .tag("stage", stage).tag("topic", sourceTopic).tag("reason", reason).register(registry).increment();
    }

    private void recordIn(String outcome, String reason) {
        inCounter(outcome, reason).increment();
    }

    private Counter inCounter(String outcome, String reason) {
        return Counter.builder(RECORDS_IN).tag("stage", stage).tag("outcome", outcome).tag("reason", reason).register(registry);
    }

    private Counter outCounter(EventType type) {
        return Counter.builder(RECORDS_OUT).tag("stage", stage).tag("topic", type.topic()).register(registry);
    }
}
