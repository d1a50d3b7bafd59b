package cn.hexi.newsroom.events.spring;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The binder leaves dead letters of batch consumers to the application; this gives every batch binding what the
 * binder gives a record binding: the failed record alone (named by {@link org.springframework.kafka.listener.BatchListenerFailedException})
 * retried by the binding's {@code max-attempts} and back-off, unless its exception is not retryable, then sent to the
 * binding's dead-letter topic with the binder's {@code x-original-*} and {@code x-exception-*} headers and counted;
 * the records before it are committed and those after it redelivered. Every binding of the pipeline is a batch binding.
 */
public class BatchErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final HeaderNames BINDER_HEADER_NAMES = HeaderNames.Builder.original()
            .offsetHeader("x-original-offset").timestampHeader("x-original-timestamp").timestampTypeHeader("x-original-timestamp-type")
            .topicHeader("x-original-topic").partitionHeader("x-original-partition").consumerGroupHeader("x-original-consumer-group")
            .exception()
            .keyExceptionFqcn("x-key-exception-fqcn").exceptionFqcn("x-exception-fqcn").exceptionCauseFqcn("x-exception-cause-fqcn")
            .keyExceptionMessage("x-key-exception-message").exceptionMessage("x-exception-message")
            .keyExceptionStacktrace("x-key-exception-stacktrace").exceptionStacktrace("x-exception-stacktrace")
            .build();

    private final KafkaOperations<Object, Object> deadLetterTemplate;
    private final StageMetrics metrics;

    public BatchErrorHandling(KafkaOperations<Object, Object> deadLetterTemplate, StageMetrics metrics) {
        this.deadLetterTemplate = deadLetterTemplate;
        this.metrics = metrics;
    }

    /** Not called: the binder calls the variant with the binding's properties, below. */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
    }

    /** Batch bindings only; a record binding keeps the binder's own retries and dead letters. */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
                          ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode()) {
            return;
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(dlqDestinationResolver), backOff == null ? new FixedBackOff(0, 0) : backOff);
        classify(handler, properties.getRetryableExceptions());
        container.setCommonErrorHandler(handler);
        // The container's own spans of a batch's records are empty ones; BatchConsumer handles each record in a span.
        container.getContainerProperties().setObservationEnabled(false);
    }

    private DeadLetterPublishingRecoverer recoverer(BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate, (record, failure) -> {
            metrics.deadLettered(record.topic(), DeadLetterReasons.reason(failure));
            return destination.apply(record, failure);
        });
        recoverer.setHeaderNamesSupplier(() -> BINDER_HEADER_NAMES);
        recoverer.setExceptionHeadersCreator(BatchErrorHandling::exceptionHeaders);
        return recoverer;
    }

    /** As the binder writes them, but naming the pipeline's own cause rather than the listener's wrappers. */
    private static void exceptionHeaders(Headers headers, Exception failure, boolean isKey, HeaderNames names) {
        Throwable cause = DeadLetterReasons.cause(failure);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        headers.add(new RecordHeader("x-exception-fqcn", cause.getClass().getName().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader("x-exception-message", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader("x-exception-stacktrace", trace.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The binding's {@code retryable-exceptions}: a record failing with one marked false is dead-lettered at once. */
    private static void classify(DefaultErrorHandler handler, Map<Class<? extends Throwable>, Boolean> retryable) {
        retryable.forEach((type, retry) -> {
            if (Exception.class.isAssignableFrom(type)) {
                if (retry) {
                    handler.addRetryableExceptions(type.asSubclass(Exception.class));
                } else {
                    handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            }
        });
    }
}
