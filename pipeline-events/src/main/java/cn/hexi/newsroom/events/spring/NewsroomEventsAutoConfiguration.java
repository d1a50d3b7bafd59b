package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.PaperHome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** Gives every service the same event codec, a durable event publisher, and the pipeline topics. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({EventsProperties.class, HomeProperties.class})
public class NewsroomEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The paper's home district and time zone, from {@code newsroom.home.*}. */
    @Bean
    @ConditionalOnMissingBean
    public PaperHome paperHome(HomeProperties home) {
        return home.paperHome();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventPublisher eventPublisher(KafkaProperties kafka, EventsProperties events, EventCodec codec, Clock clock,
                                         ObjectProvider<ObservationRegistry> observations,
                                         @Value("${spring.application.name}") String applicationName) {
        Map<String, Object> config = durableProducer(kafka, StringSerializer.class);
        // Stages send a whole batch's events and then wait for them, so lingering would only lengthen that wait (5 ms a
        // batch, see BENCHMARKS.md); the records queue behind the request in flight and still travel in few, compressed requests.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        var template = observedTemplate(new DefaultKafkaProducerFactory<>(config), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new EventPublisher(template, codec, "/newsroom/" + applicationName, events.sendTimeout(), clock);
    }

    /** The stages' template over {@code producers}, observed as the services observe it (also by the tracing benchmark). */
    public static KafkaTemplate<String, byte[]> observedTemplate(ProducerFactory<String, byte[]> producers, ObservationRegistry observations) {
        var template = new KafkaTemplate<>(producers);
        template.setMicrometerEnabled(true);
        // Each send is a span whose context travels in the record's headers: the next stage continues the trace.
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations);
        return template;
    }

    /** The service's stage is its application name less {@code -service}: {@code parse-service} counts as {@code parse}. */
    @Bean
    @ConditionalOnMissingBean
    public StageMetrics stageMetrics(MeterRegistry registry, @Value("${spring.application.name}") String applicationName) {
        return new StageMetrics(registry, stage(applicationName));
    }

    @Bean
    public KafkaAdmin.NewTopics pipelineTopics(EventsProperties events) {
        return new KafkaAdmin.NewTopics(Arrays.stream(EventType.values())
                .map(type -> TopicBuilder.name(type.topic())
                        .partitions(events.partitions())
                        .replicas(events.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** Prometheus scrapes and health probes every few seconds would bury the issues' traces. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServerRequestObservationContext.class)
    static class WebTracingConfiguration {

        @Bean
        ObservationPredicate actuatorCallsUntraced() {
            return (name, context) -> !(context instanceof ServerRequestObservationContext request
                    && request.getCarrier().getRequestURI().startsWith("/actuator"));
        }
    }

    /**
     * In the services that consume through the Kafka binder: batches handled record by record with one send and one
     * acknowledgement, a failed record retried or dead-lettered alone, every dead letter counted as it is sent, and
     * log lines naming the record being handled (the binder's {@code DlqPartitionFunction} marks the binder's presence).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DlqPartitionFunction.class)
    static class StreamConsumerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BatchConsumer batchConsumer(EventPublisher publisher, StageMetrics metrics, ObjectProvider<ObservationRegistry> observations,
                                    @Value("${spring.application.name}") String applicationName) {
            return new BatchConsumer(publisher, metrics, observations.getIfAvailable(() -> ObservationRegistry.NOOP), stage(applicationName));
        }

        @Bean
        @ConditionalOnMissingBean
        BatchErrorHandling batchErrorHandling(KafkaProperties kafka, StageMetrics metrics) {
            // Keys as the consumer read them: bytes.
            Map<String, Object> config = durableProducer(kafka, ByteArraySerializer.class);
            // A dead letter is its input as it came, which may be a whole issue.
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
            return new BatchErrorHandling(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)), metrics);
        }
    }

    /** Durability is not a deployment choice: a record is sent only once every in-sync replica has it. */
    private static Map<String, Object> durableProducer(KafkaProperties kafka, Class<?> keySerializer) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static String stage(String applicationName) {
        return applicationName.replaceFirst("-service$", "");
    }
}
