package cn.hexi.newsroom.events.spring;

import java.util.function.Supplier;
import org.slf4j.MDC;

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
        return forEvent(issueId, issueId, work);
    }

    /**
     * Runs work with the event's issue and, for an article event, its article in the logging context (the batch
     * consumers, record by record, from the CloudEvents headers).
     */
    public static <T> T forEvent(String issueId, String subject, Supplier<T> work) {
        if (issueId != null) {
            MDC.put(ISSUE_ID, issueId);
        }
        // Issue events have the issue as their subject; article events the article.
        if (subject != null && !subject.equals(issueId)) {
            MDC.put(ARTICLE_ID, subject);
        }
        try {
            return work.get();
        } finally {
            MDC.remove(ISSUE_ID);
            MDC.remove(ARTICLE_ID);
        }
    }
}
