package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.OutageBackoff;
import cn.hexi.newsroom.events.spring.EventPublisher.EventPublishException;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.messaging.Message;

/**
 * How a stage consumes a batch: each record is handled in its own span (continuing its issue's trace) and logging
 * context; the outputs of the whole batch are sent at once and acknowledged by the broker once; only then is the batch
 * acknowledged. A record that fails stops the batch there: the outputs of the records before it are sent, and the
 * container's error handler (see {@link BatchErrorHandling}) commits those, retries or dead-letters the failed record
 * alone and redelivers the rest. While the broker cannot take the outputs, the stage waits and sends them again.
 */
public class BatchConsumer {

    private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);
    private static final OutageBackoff BROKER_OUTAGE = new OutageBackoff("the broker", Duration.ofMillis(500), Duration.ofSeconds(30),
            e -> e instanceof EventPublishException failure && failure.retriable());

    /** A record's result and the span it was handled in, the parent of what is sent for it. */
    public record Handled<R>(ConsumedRecord record, Observation span, R value) {
    }

    /** The results of the records before the first that failed, and that failure (none when all succeeded). */
    public record Outcome<R>(List<Handled<R>> handled, int failedIndex, RuntimeException failure) {

        /** Hands the failed record to the error handler: the records before it count as done. */
        public void throwIfFailed() {
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, failedIndex);
            }
        }
    }

    private final EventPublisher publisher;
    private final StageMetrics metrics;
    private final ObservationRegistry observations;
    private final String stage;

    public BatchConsumer(EventPublisher publisher, StageMetrics metrics, ObservationRegistry observations, String stage) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.observations = observations;
        this.stage = stage;
    }

    /**
     * The shape of parse and enrich: each record becomes some events; all are sent together, then the failed record,
     * if any, goes to the error handler.
     */
    public void transform(Message<List<byte[]>> batch, Function<ConsumedRecord, List<Outgoing>> handler) {
        Outcome<List<Outgoing>> outcome = handleEach(ConsumedRecord.all(batch), handler);
        List<Outgoing> events = new ArrayList<>();
        List<Integer> inputOfEvent = new ArrayList<>();
        for (int i = 0; i < outcome.handled().size(); i++) {
            Handled<List<Outgoing>> handled = outcome.handled().get(i);
            for (Outgoing event : handled.value()) {
                events.add(event.withParent(handled.span()));
                inputOfEvent.add(i);
            }
        }
        publish(events, inputOfEvent::get);
        events.stream().collect(Collectors.groupingBy(Outgoing::type, Collectors.counting()))
                .forEach((type, count) -> metrics.emitted(type, count.intValue()));
        log.info("{}: {} records in, {} events out", stage, outcome.handled().size(), events.size());
        outcome.throwIfFailed();
    }

    /** Handles the records in order until one fails; each is counted and timed as the stage's input. */
    public <R> Outcome<R> handleEach(List<ConsumedRecord> records, Function<ConsumedRecord, R> handler) {
        List<Handled<R>> handled = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumedRecord record = records.get(i);
            Observation span = span(record).start();
            try (Observation.Scope scope = span.openScope()) {
                R value = EventLogContext.forEvent(record.header(EventHeaders.ISSUE_ID), record.header(EventHeaders.SUBJECT),
                        () -> metrics.process(() -> handler.apply(record)));
                handled.add(new Handled<>(record, span, value));
            } catch (RuntimeException e) {
                span.error(e);
                log.warn("{}: record {}/{}/{} failed: {}", stage, record.topic(), record.partition(), record.offset(), e.toString());
                return new Outcome<>(handled, i, e);
            } finally {
                span.stop();
            }
        }
        return new Outcome<>(handled, -1, null);
    }

    /**
     * Sends the events and waits for the broker's acknowledgement, riding out an outage by sending again (consumers
     * are idempotent); an event the broker refuses for itself fails the input it came from, which is dead-lettered.
     */
    public void publish(List<Outgoing> events, IntUnaryOperator inputOfEvent) {
        if (events.isEmpty()) {
            return;
        }
        try {
            BROKER_OUTAGE.untilAvailable(stage + " sending " + events.size() + " events", () -> {
                publisher.publishAll(events);
                return null;
            });
        } catch (EventPublishException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, inputOfEvent.applyAsInt(e.eventIndex()));
        }
    }

    private Observation span(ConsumedRecord record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record.asConsumerRecord(), stage, null, stage + "-service", () -> null),
                observations);
    }
}
