package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
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
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** Gives every service the same event codec, a durable event publisher, and the pipeline topics. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class NewsroomEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec() {
        return new EventCodec();
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
        Map<String, Object> config = kafka.buildProducerProperties();
        // Durability is not a deployment choice: an event is published only once every in-sync replica has it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        var template = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(config));
        template.setMicrometerEnabled(true);
        // Each send is a span whose context travels in the record's headers: the next stage continues the trace.
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new EventPublisher(template, codec, "/newsroom/" + applicationName, events.sendTimeout(), clock);
    }

    /** The service's stage is its application name less {@code -service}: {@code parse-service} counts as {@code parse}. */
    @Bean
    @ConditionalOnMissingBean
    public StageMetrics stageMetrics(MeterRegistry registry, @Value("${spring.application.name}") String applicationName) {
        return new StageMetrics(registry, applicationName.replaceFirst("-service$", ""));
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
     * In the services that consume through the Kafka binder: every dead letter is counted as it is sent, and log
     * lines name the record being handled.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DlqPartitionFunction.class)
    static class DeadLetterMetricsConfiguration {

        /** Every log line written while a consumer handles a record names the record's issue and article. */
        @Bean
        @ConditionalOnMissingBean
        ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> eventLogContext() {
            return (container, destination, group) -> container.setRecordInterceptor(EventLogContext.recordInterceptor());
        }

        @Bean
        @ConditionalOnMissingBean
        DlqPartitionFunction countingDeadLetters(StageMetrics metrics) {
            return (group, record, failure) -> {
                metrics.deadLettered(record.topic(), DeadLetterReasons.reason(failure));
                return DlqPartitionFunction.ORIGINAL_PARTITION.apply(group, record, failure);
            };
        }
    }
}
