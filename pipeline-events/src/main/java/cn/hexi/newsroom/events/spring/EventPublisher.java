package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventType;
import io.micrometer.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes pipeline events as JSON values with CloudEvents binary-mode headers, and returns only once
 * the broker has acknowledged every record (acks=all, idempotent producer), so that callers can
 * acknowledge their own input safely.
 */
public class EventPublisher {

    /**
     * One event to publish: the record key is the subject (issue id or article id). {@code parent}, when set, is the
     * span of the input the event comes from, so the send continues that input's trace.
     */
    public record Outgoing(EventType type, String key, String issueId, Object payload, Observation parent) {

        public Outgoing(EventType type, String key, String issueId, Object payload) {
            this(type, key, issueId, payload, null);
        }

        public Outgoing withParent(Observation observation) {
            return new Outgoing(type, key, issueId, payload, observation);
        }
    }

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;
    private final String source;
    private final Duration sendTimeout;
    private final Clock clock;

    public EventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, String source, Duration sendTimeout, Clock clock) {
        this.template = template;
        this.codec = codec;
        this.source = source;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    public void publish(EventType type, String key, String issueId, Object payload) {
        publishAll(List.of(new Outgoing(type, key, issueId, payload)));
    }

    /**
     * Sends all events at once (the producer batches them), then waits once for all acknowledgements; throws if any
     * failed, naming the first that did, so the caller's input is retried or dead-lettered rather than acknowledged.
     * Consumers are idempotent, so a retry that re-sends already acknowledged events is harmless.
     */
    public void publishAll(List<Outgoing> events) {
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            try {
                acks.add(send(event));
            } catch (RuntimeException e) {
                // Refused before it left: no metadata for the topic within max.block.ms (the broker is away), or the
                // producer's buffer stayed full.
                throw new EventPublishException("the producer could not send an event: " + e.getMessage(), e, acks.size(), retriable(e));
            }
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            await(acks.get(i), i, deadline);
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> send(Outgoing event) {
        ProducerRecord<String, byte[]> record = record(event);
        if (event.parent() == null) {
            return template.send(record);
        }
        // The template's send span takes the current observation as its parent.
        try (Observation.Scope scope = event.parent().openScope()) {
            return template.send(record);
        }
    }

    private void await(CompletableFuture<SendResult<String, byte[]>> ack, int index, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while waiting for the broker", e, index, true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new EventPublishException("the broker did not accept an event: " + cause.getMessage(), cause, index, retriable(cause));
        } catch (TimeoutException e) {
            throw new EventPublishException("no broker acknowledgement within " + sendTimeout, e, index, true);
        }
    }

    /** A failure the same send can get past later: the broker unreachable, slow or without a leader for a while. */
    private static boolean retriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private ProducerRecord<String, byte[]> record(Outgoing event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.type().topic(), event.key(), codec.write(event.payload()));
        EventHeaders.forNewEvent(event.type(), source, event.issueId(), event.key(), clock.instant())
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /**
     * The broker did not acknowledge an event; the input that caused it must not be acknowledged. {@code eventIndex}
     * is the first event of the call that failed; {@code retriable} says whether the same send can succeed later (the
     * broker was unreachable or slow) or never will (the record itself was refused, for instance as too large).
     */
    public static class EventPublishException extends RuntimeException {
        private final int eventIndex;
        private final boolean retriable;

        public EventPublishException(String message, Throwable cause, int eventIndex, boolean retriable) {
            super(message, cause);
            this.eventIndex = eventIndex;
            this.retriable = retriable;
        }

        public int eventIndex() {
            return eventIndex;
        }

        public boolean retriable() {
            return retriable;
        }
    }
}
