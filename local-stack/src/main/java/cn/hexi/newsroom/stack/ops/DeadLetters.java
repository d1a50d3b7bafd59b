package cn.hexi.newsroom.stack.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead letters of every stage: topics named {@code <input topic>.dlq.<stage>}, whose records carry the original
 * topic, partition and offset, the key, and the exception (headers the binder adds). Listing reads them without
 * consuming; replaying sends a record back to its original topic, with its original event headers, after a fix.
 * Consumers are idempotent, so replaying twice publishes nothing twice.
 */
public final class DeadLetters {

    static final String MARKER = ".dlq.";
    private static final Pattern CAUSE = Pattern.compile("Caused by: ([\\w.$]+)");
    private static final String OWN_PACKAGE = "cn.hexi.newsroom.";

    /** One dead record: {@code id} is {@code <dead-letter topic>/<partition>/<offset>}. */
    public record DeadLetter(String id, String stage, String key, String originalTopic, String originalPartition, String originalOffset,
                             String exception, String message, Instant deadAt, ConsumerRecord<String, byte[]> record) {
    }

    private final String bootstrapServers;

    public DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every dead letter, or those of one stage (null for all). */
    public List<DeadLetter> list(String stage) throws ExecutionException, InterruptedException {
        List<String> topics = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.contains(MARKER) && (stage == null || topic.endsWith(MARKER + stage))) {
                    topics.add(topic);
                }
            }
        }
        topics.sort(null);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                while (!caughtUp(consumer, ends.keySet(), ends)) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        letters.add(deadLetter(record));
                    }
                }
            }
        }
        return letters;
    }

    /** Sends the chosen dead letters (by id; all of the stage when none is named) back to their original topics. */
    public List<DeadLetter> replay(String stage, Collection<String> ids) throws ExecutionException, InterruptedException {
        List<DeadLetter> chosen = list(stage).stream().filter(d -> ids.isEmpty() || ids.contains(d.id())).toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (DeadLetter letter : chosen) {
                if (letter.originalTopic() == null) {
                    throw new IllegalStateException(letter.id() + " does not say which topic it came from");
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.originalTopic(), letter.key(), letter.record().value());
                for (Header header : letter.record().headers()) {
                    if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_")) {
                        record.headers().add(header); // the event's own headers (ce_*, content-type), not the failure's
                    }
                }
                producer.send(record).get();
            }
        }
        return chosen;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        String stage = topic.substring(topic.lastIndexOf(MARKER) + MARKER.length());
        String trace = header(record, "x-exception-stacktrace");
        String exception = header(record, "x-exception-fqcn");
        if (trace != null) {
            // The deepest cause the pipeline itself raised (MalformedEventException) says most; else the deepest of all.
            String deepest = null;
            String deepestOwn = null;
            Matcher cause = CAUSE.matcher(trace);
            while (cause.find()) {
                deepest = cause.group(1);
                if (deepest.startsWith(OWN_PACKAGE)) {
                    deepestOwn = deepest;
                }
            }
            exception = deepestOwn != null ? deepestOwn : deepest != null ? deepest : exception;
        }
        return new DeadLetter(topic + "/" + record.partition() + "/" + record.offset(), stage, record.key(), header(record, "x-original-topic"),
                header(record, "x-original-partition"), header(record, "x-original-offset"), exception,
                header(record, "x-exception-message"), Instant.ofEpochMilli(record.timestamp()), record);
    }

    /** Header text; the binder writes partitions and offsets as binary numbers. */
    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        if ((name.endsWith("partition") && value.length == 4) || (name.endsWith("offset") && value.length == 8)) {
            long number = 0;
            for (byte b : value) {
                number = (number << 8) | (b & 0xFF);
            }
            return Long.toString(number);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
