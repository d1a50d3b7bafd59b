package cn.hexi.newsroom.ingest.intake;

import cn.hexi.newsroom.events.spring.EventLogContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One issue, one trace: every accepted issue starts a trace of its own, whether an upload of several files, the
 * drop folder or the CLI brought it, so its way through parse, enrich and publish reads as one trace.
 */
@Component
public class IssueTraces {

    static final String OBSERVATION = "newsroom.ingest.issue";

    private final ObservationRegistry observations;
    private final Tracer tracer;

    public IssueTraces(ObservationRegistry observations, ObjectProvider<Tracer> tracer) {
        this.observations = observations;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /**
     * Runs the issue's publishing as the root span of a new trace, with the issue in the logging context.
     *
     * @param sourceName the file name, or null for an upload without one
     */
    public <T> T inNewTrace(String issueId, String sourceName, Supplier<T> work) {
        // Out of the request's trace: without a current span or observation, the issue's span is a root.
        try (Tracer.SpanInScope outsideRequest = tracer.withSpan(null)) {
            Observation issue = Observation.createNotStarted(OBSERVATION, observations)
                    .parentObservation(null)
                    .contextualName("ingest issue")
                    .highCardinalityKeyValue("newsroom.issue.id", issueId);
            if (sourceName != null) {
                issue.highCardinalityKeyValue("newsroom.issue.source", sourceName);
            }
            return issue.observe(() -> EventLogContext.forIssue(issueId, work));
        }
    }
}
