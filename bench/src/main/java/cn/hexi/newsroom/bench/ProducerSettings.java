package cn.hexi.newsroom.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What each producer setting buys, measured the way the stages send: real enriched-article records (keys, headers and
 * values as the pipeline wrote them) sent a batch at a time, then one wait for all of the batch's acknowledgements,
 * acks=all and idempotent, to a topic of the pipeline's partition count on the stack's broker. For each setting: the
 * records per second of that loop, the sending client's CPU (the sending thread and the producer's network thread),
 * the broker's CPU, the bytes on the wire per record and the time a batch waits for its acknowledgements.
 */
final class ProducerSettings {

    /** A stage's batch: enrich's {@code max.poll.records}. */
    static final int RECORDS_PER_SEND = 100;
    private static final int RECORDS_PER_SETTING = 30_000;
    private static final int PARTITIONS = 12;

    /** One producer configuration, as changes to the durable producer every stage has. */
    record Setting(String name, int lingerMs, int batchSize, String compression) {

        Map<String, Object> config(String bootstrap) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-settings");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return config;
        }
    }

    /** Kafka 4's defaults first, then one change at a time to the stages' settings, then the alternatives to two of them. */
    static final List<Setting> SETTINGS = List.of(
            new Setting("Kafka's defaults: linger 5 ms, 16 KiB batches, no compression", 5, 16_384, "none"),
            new Setting("linger 0 ms", 0, 16_384, "none"),
            new Setting("linger 0 ms, 256 KiB batches", 0, 262_144, "none"),
            new Setting("linger 0 ms, 256 KiB batches, lz4: **the stages' settings**", 0, 262_144, "lz4"),
            new Setting("the stages' settings with zstd instead of lz4", 0, 262_144, "zstd"),
            new Setting("the stages' settings with linger 5 ms (their settings before this measurement)", 5, 262_144, "lz4"));
    private static final Setting STAGES = SETTINGS.get(3);

    record Result(Setting setting, double recordsPerSecond, double clientCpuMsPer1000, double brokerCpuMsPer1000, double wireBytesPerRecord,
                  double sendP50Ms, double sendP99Ms) {
    }

    private ProducerSettings() {
    }

    static String section(String bootstrap, long brokerPid, List<ConsumerRecord<String, byte[]>> sample) throws Exception {
        if (sample.isEmpty()) {
            throw new IllegalStateException("no enriched-article records to send");
        }
        String topic = "bench.producer-settings";
        createTopic(bootstrap, topic);
        openPartitions(bootstrap, topic);
        // The first pass warms the client's and the broker's code paths; it is not reported.
        measure(bootstrap, brokerPid, topic, STAGES, sample);
        List<Result> results = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            System.out.println("  producer: " + setting.name() + " ...");
            results.add(measure(bootstrap, brokerPid, topic, setting, sample));
        }
        return render(results, sample);
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Writes one record to each partition of the new topic, one at a time. A partition the broker has not opened yet
     * refuses a producer's first batch while it takes the next (Kafka leaves the first behind for good, an out-of-order
     * sequence: seen in one run with 100 records sent at once to a topic created a moment before).
     */
    private static void openPartitions(String bootstrap, String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(STAGES.config(bootstrap))) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, "open", new byte[0])).get(2, TimeUnit.MINUTES);
            }
        }
    }

    private static Result measure(String bootstrap, long brokerPid, String topic, Setting setting,
                                  List<ConsumerRecord<String, byte[]>> sample) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(setting.config(bootstrap))) {
            producer.partitionsFor(topic);
            List<Double> sendMillis = new ArrayList<>();
            double brokerBefore = ProcessCpu.usage(brokerPid).total();
            long clientBefore = clientCpuNanos();
            double wireBefore = metric(producer, "outgoing-byte-total");
            long start = System.nanoTime();
            for (int sent = 0; sent < RECORDS_PER_SETTING; sent += RECORDS_PER_SEND) {
                long batchStart = System.nanoTime();
                sendAndAwait(producer, topic, sample, sent);
                sendMillis.add((System.nanoTime() - batchStart) / 1e6);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double perThousand = 1000.0 / RECORDS_PER_SETTING;
            double clientMs = (clientCpuNanos() - clientBefore) / 1e6;
            double brokerMs = (ProcessCpu.usage(brokerPid).total() - brokerBefore) * 1000;
            double wire = metric(producer, "outgoing-byte-total") - wireBefore;
            sendMillis.sort(Double::compare);
            return new Result(setting, RECORDS_PER_SETTING / seconds, clientMs * perThousand, brokerMs * perThousand,
                    wire / RECORDS_PER_SETTING, PipelineBenchmark.percentile(sendMillis, 0.5), PipelineBenchmark.percentile(sendMillis, 0.99));
        }
    }

    private static void sendAndAwait(KafkaProducer<String, byte[]> producer, String topic, List<ConsumerRecord<String, byte[]>> sample,
                                     int offset) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS_PER_SEND);
        for (int i = 0; i < RECORDS_PER_SEND; i++) {
            ConsumerRecord<String, byte[]> original = sample.get((offset + i) % sample.size());
            acks.add(producer.send(new ProducerRecord<>(topic, null, original.key(), original.value(), original.headers())));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    /** CPU of this thread and of the producer's network thread, where compression, batching and the requests happen. */
    private static long clientCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long nanos = threads.getCurrentThreadCpuTime();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("kafka-producer-network-thread | bench-producer-settings")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos;
    }

    private static double metric(KafkaProducer<?, ?> producer, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals(name) && metric.getKey().group().equals("producer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        throw new IllegalStateException("the producer has no metric " + name);
    }

    private static String render(List<Result> results, List<ConsumerRecord<String, byte[]>> sample) {
        double meanValue = sample.stream().mapToInt(r -> r.value().length).average().orElse(0);
        StringBuilder md = new StringBuilder("## What the producer settings buy\n\n");
        md.append(String.format("The stages' way of sending, alone: %d records per setting, %d at a time (a stage's batch) and then one wait for all "
                + "their acknowledgements, from one thread; acks=all, idempotent; %d of the run's enriched-article records (mean value %.0f "
                + "bytes, keys and headers as the pipeline wrote them) sent again in turn to a topic of %d partitions on the stack's "
                + "broker, while the stack was idle. Client CPU is the sending thread's and the producer's network thread's; broker CPU "
                + "the broker process's; wire bytes the producer's requests; a batch's wait from its first send to its last "
                + "acknowledgement. The first line is Kafka 4's defaults; each of the next three changes one thing, and the last two "
                + "change one thing of the stages' settings.%n%n",
                RECORDS_PER_SETTING, RECORDS_PER_SEND, sample.size(), meanValue, PARTITIONS));
        md.append("| setting | records/s | client CPU per 1000 records | broker CPU per 1000 records | wire bytes per record | batch's wait p50 | p99 |\n")
          .append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format("| %s | %.0f | %.0f ms | %.0f ms | %.0f | %.1f ms | %.1f ms |%n", r.setting().name(), r.recordsPerSecond(),
                    r.clientCpuMsPer1000(), r.brokerCpuMsPer1000(), r.wireBytesPerRecord(), r.sendP50Ms(), r.sendP99Ms()));
        }
        return md.append('\n').toString();
    }
}
