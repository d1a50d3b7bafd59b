package cn.hexi.newsroom.events.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the services wrote to real topics, from the beginning, in its own consumer group. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
    }

    /** Polls until at least {@code count} records have been seen in all, or the timeout passes; returns all seen. */
    public List<ConsumerRecord<String, byte[]>> awaitCount(int count, Duration timeout) {
        return awaitCount(record -> true, count, timeout);
    }

    /**
     * Polls until at least {@code count} of the records seen are {@code which} (other tests' records share the topic),
     * or the timeout passes; returns those seen that are.
     */
    public List<ConsumerRecord<String, byte[]>> awaitCount(Predicate<ConsumerRecord<String, byte[]>> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (seen.stream().filter(which).count() < count && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(which).toList();
    }

    /**
     * Polls until it has read up to the end of every partition as it was on joining, then until no new record arrived for
     * {@code quiet}; returns all seen. (On a busy machine joining the group alone can take longer than any quiet period.)
     */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        Instant joinDeadline = Instant.now().plusSeconds(60);
        Map<TopicPartition, Long> ends = null;
        while (Instant.now().isBefore(joinDeadline) && (ends == null || !reached(ends))) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            if (ends == null && !consumer.assignment().isEmpty()) {
                ends = consumer.endOffsets(consumer.assignment());
            }
        }
        Instant lastNew = Instant.now();
        while (Instant.now().isBefore(lastNew.plus(quiet))) {
            int before = seen.size();
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            if (seen.size() > before) {
                lastNew = Instant.now();
            }
        }
        return List.copyOf(seen);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
