package cn.hexi.newsroom.ingest.intake;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
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
     * Starts the issue's span as the root of a new trace, outside the request's trace, for the caller to stop once the
     * issue is published; the events sent with it as their parent carry the trace on.
     *
     * @param sourceName the file name, or null for an upload without one
     */
    public Observation startIssue(String issueId, String sourceName) {
        // Without a current span or observation, the issue's span is a root.
        try (Tracer.SpanInScope outsideRequest = tracer.withSpan(null)) {
            Observation issue = Observation.createNotStarted(OBSERVATION, observations)
                    .parentObservation(null)
                    .contextualName("ingest issue")
                    .highCardinalityKeyValue("newsroom.issue.id", issueId);
            if (sourceName != null) {
                issue.highCardinalityKeyValue("newsroom.issue.source", sourceName);
            }
            return issue.start();
        }
    }
}
