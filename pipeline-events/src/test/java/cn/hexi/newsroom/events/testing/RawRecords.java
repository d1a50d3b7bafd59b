package cn.hexi.newsroom.events.testing;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records that no service would write (malformed ones), and makes ids for test events. */
public final class RawRecords {

    private RawRecords() {
    }

    public static void send(String bootstrapServers, String topic, String key, byte[] value) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Writes the records in this order to one partition, so that a consumer polling afterwards gets them as one batch. */
    public static void sendInOrder(String bootstrapServers, String topic, int partition, List<Map.Entry<String, byte[]>> records)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, partition, record.getKey(), record.getValue())).get();
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** A fresh issue id of the real form (16 hex digits), so tests sharing a broker do not see each other's events. */
    public static String randomIssueId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
