package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventType;
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
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes pipeline events as JSON values with CloudEvents binary-mode headers, and returns only once
 * the broker has acknowledged every record (acks=all, idempotent producer), so that callers can
 * acknowledge their own input safely.
 */
public class EventPublisher {

    /** One event to publish: the record key is the subject (issue id or article id). */
    public record Outgoing(EventType type, String key, String issueId, Object payload) {
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
     * Sends all events, then waits for all acknowledgements; throws if any failed, so the caller's input
     * is retried or dead-lettered rather than acknowledged. Consumers are idempotent, so a retry that
     * re-sends already acknowledged events is harmless.
     */
    public void publishAll(List<Outgoing> events) {
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            acks.add(template.send(record(event)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new EventPublishException("the broker did not accept an event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublishException("no broker acknowledgement within " + sendTimeout, e);
        }
    }

    private ProducerRecord<String, byte[]> record(Outgoing event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.type().topic(), event.key(), codec.write(event.payload()));
        EventHeaders.forNewEvent(event.type(), source, event.issueId(), event.key(), clock.instant())
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** The broker did not acknowledge an event in time; the input that caused it must not be acknowledged. */
    public static class EventPublishException extends RuntimeException {
        public EventPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
