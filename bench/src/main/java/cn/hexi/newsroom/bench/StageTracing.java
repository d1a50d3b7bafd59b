package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.BatchConsumer;
import cn.hexi.newsroom.events.spring.ConsumedRecord;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.events.spring.NewsroomEventsAutoConfiguration;
import cn.hexi.newsroom.events.spring.StageMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * What tracing costs a stage per record: the stages' batch consumer ({@link BatchConsumer}) taking batches of 100
 * records that carry their issue's trace context, each becoming one event sent by the stages' publisher, on one thread.
 * The observation registry is the one Spring Boot builds for the services from the same auto-configuration (OpenTelemetry
 * bridge, metrics from observations into a Prometheus registry, the services' tracing defaults) with every trace sampled, the default; with none
 * sampled; or none at all. The producer is Kafka's mock, so what differs between the three is the tracing alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StageTracing {

    static final int RECORDS_PER_BATCH = 100;
    /** W3C trace context, as the services propagate it. */
    private static final String TRACEPARENT = "traceparent";

    /** How the stage is observed. */
    public enum Tracing {
        /** Every trace sampled: the services' default. */
        SAMPLED,
        /** Spans created and propagated but none recorded: {@code management.tracing.sampling.probability=0}. */
        UNSAMPLED,
        /** No observation registry at all. */
        NONE
    }

    @Param
    public Tracing tracing;

    private ConfigurableApplicationContext context;
    private MockProducer<String, byte[]> producer;
    private BatchConsumer consumer;
    private Message<List<byte[]>> batch;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
        OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class})
    static class ServiceObservation {
    }

    @Setup
    public void start() {
        context = new SpringApplicationBuilder(ServiceObservation.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.application.name=enrich-service",
                        "management.tracing.sampling.probability=" + (tracing == Tracing.SAMPLED ? "1.0" : "0.0"),
                        // The one INFO line per batch is the same in all three; kept off the benchmark's output.
                        "logging.level.cn.hexi.newsroom.events.spring.BatchConsumer=WARN")
                .run();
        ObservationRegistry observations = tracing == Tracing.NONE ? ObservationRegistry.NOOP : context.getBean(ObservationRegistry.class);
        producer = new SharedMockProducer();
        KafkaTemplate<String, byte[]> template = NewsroomEventsAutoConfiguration.observedTemplate(new MockProducerFactory<>(() -> producer),
                observations);
        EventPublisher publisher = new EventPublisher(template, new EventCodec(), "/newsroom/enrich-service", Duration.ofSeconds(30),
                Clock.systemUTC());
        // Fails the set-up unless the observations' timers are kept as the services keep them.
        context.getBean(PrometheusMeterRegistry.class);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        consumer = new BatchConsumer(publisher, new StageMetrics(meters, "enrich"), observations, "enrich");
        batch = tracedBatch();
        checkPropagation();
    }

    /** A traced stage's event continues its record's trace; an untraced one carries no trace context. */
    private void checkPropagation() {
        consumer.transform(batch, StageTracing::oneEvent);
        Header sent = producer.history().get(0).headers().lastHeader(TRACEPARENT);
        String inputTraceId = ConsumedRecord.all(batch).get(0).header(TRACEPARENT).substring(3, 35);
        boolean continued = sent != null && new String(sent.value(), StandardCharsets.UTF_8).substring(3, 35).equals(inputTraceId);
        if (continued != (tracing != Tracing.NONE)) {
            throw new IllegalStateException("with tracing " + tracing + " the sent event's trace context was " + sent);
        }
        producer.clear();
    }

    @TearDown
    public void stop() {
        context.close();
    }

    /** One batch in, one event out per record: operations per second times {@link #RECORDS_PER_BATCH} is records per second. */
    @Benchmark
    public int consumeBatch() {
        consumer.transform(batch, StageTracing::oneEvent);
        int sent = producer.history().size();
        // The mock keeps what it was sent.
        producer.clear();
        return sent;
    }

    private static List<Outgoing> oneEvent(ConsumedRecord record) {
        return List.of(new Outgoing(EventType.ARTICLE_ENRICHED, record.key(), record.header(EventHeaders.ISSUE_ID),
                Map.of("articleId", record.key())));
    }

    /** Kafka's mock as the factory's one shared producer: the template closes what a factory hands it after each send. */
    private static final class SharedMockProducer extends MockProducer<String, byte[]> {

        SharedMockProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void close() {
        }

        @Override
        public void close(Duration timeout) {
        }
    }

    /** Records as the binder hands a batch over: payloads, and each header as a list; each record continues its issue's trace. */
    private static Message<List<byte[]>> tracedBatch() {
        List<byte[]> payloads = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < RECORDS_PER_BATCH; i++) {
            String issueId = hex.formatHex(randomBytes(8));
            String articleId = issueId + "-" + i;
            String traceparent = "00-" + hex.formatHex(randomBytes(16)) + "-" + hex.formatHex(randomBytes(8)) + "-01";
            payloads.add(("{\"articleId\":\"" + articleId + "\"}").getBytes(StandardCharsets.UTF_8));
            topics.add(EventType.ARTICLE_PARSED.topic());
            partitions.add(i % 12);
            offsets.add((long) i);
            keys.add(articleId);
            headers.add(Map.of(EventHeaders.ISSUE_ID, issueId.getBytes(StandardCharsets.UTF_8),
                    EventHeaders.SUBJECT, articleId.getBytes(StandardCharsets.UTF_8),
                    TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions).setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
