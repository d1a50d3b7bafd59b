package cn.hexi.newsroom.events.spring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One record of a batch the binder hands a stage (batch mode gives the payloads as a list and each header as a list
 * in the same order): where it came from, its key, its value and its own headers.
 */
public record ConsumedRecord(String topic, int partition, long offset, String key, byte[] payload, Map<String, Object> headers) {

    /** The records of a batch message, in the order the broker delivered them. */
    public static List<ConsumedRecord> all(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC, payloads.size());
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION, payloads.size());
        List<?> offsets = list(headers, KafkaHeaders.OFFSET, payloads.size());
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY, payloads.size());
        List<?> converted = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS, payloads.size());
        List<ConsumedRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> own = converted.get(i) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            records.add(new ConsumedRecord(String.valueOf(topics.get(i)), partitions.get(i) instanceof Number n ? n.intValue() : -1,
                    offsets.get(i) instanceof Number n ? n.longValue() : -1, text(keys.get(i)), payloads.get(i), own));
        }
        return records;
    }

    /** A header's text, whether the binder mapped it to a string or left its bytes. */
    public String header(String name) {
        return text(headers.get(name));
    }

    /** The record as the Kafka client delivered it, with its text headers, for the tracing context. */
    public ConsumerRecord<String, byte[]> asConsumerRecord() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, partition, offset, key, payload);
        headers.forEach((name, value) -> {
            String text = value instanceof byte[] || value instanceof String ? text(value) : null;
            if (text != null) {
                record.headers().add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return record;
    }

    private static List<?> list(MessageHeaders headers, String name, int size) {
        return headers.get(name) instanceof List<?> values && values.size() == size ? values : Collections.nCopies(size, null);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
