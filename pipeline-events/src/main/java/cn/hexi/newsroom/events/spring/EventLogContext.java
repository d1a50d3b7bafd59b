package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Names the issue and article a stage is working on in the logging context ({@code issueId}, {@code articleId} in
 * the MDC), next to the trace and span ids tracing puts there, so every log line says what it is about.
 */
public final class EventLogContext {

    public static final String ISSUE_ID = "issueId";
    public static final String ARTICLE_ID = "articleId";

    private EventLogContext() {
    }

    /** Runs work with the issue in the logging context (ingest, which makes the issue's first event). */
    public static <T> T forIssue(String issueId, Supplier<T> work) {
        MDC.put(ISSUE_ID, issueId);
        try {
            return work.get();
        } finally {
            MDC.remove(ISSUE_ID);
        }
    }

    /** Runs work with the event's issue and, for an article event, its article in the logging context (batch consumers). */
    public static <T> T forEvent(String issueId, String subject, Supplier<T> work) {
        enter(issueId, subject);
        try {
            return work.get();
        } finally {
            clear();
        }
    }

    /**
     * For the stream consumers: from a record's CloudEvents headers, the issue and, for an article event, the
     * article, for as long as the record is handled (dead-lettering included).
     */
    public static <K, V> RecordInterceptor<K, V> recordInterceptor() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                enter(record.headers());
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                clear();
            }

            @Override
            public void clearThreadState(Consumer<?, ?> consumer) {
                clear();
            }
        };
    }

    private static void enter(Headers headers) {
        enter(header(headers, EventHeaders.ISSUE_ID), header(headers, EventHeaders.SUBJECT));
    }

    private static void enter(String issueId, String subject) {
        if (issueId != null) {
            MDC.put(ISSUE_ID, issueId);
        }
        // Issue events have the issue as their subject; article events the article.
        if (subject != null && !subject.equals(issueId)) {
            MDC.put(ARTICLE_ID, subject);
        }
    }

    private static void clear() {
        MDC.remove(ISSUE_ID);
        MDC.remove(ARTICLE_ID);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
