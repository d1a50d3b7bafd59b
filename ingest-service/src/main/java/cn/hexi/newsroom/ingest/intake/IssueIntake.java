package cn.hexi.newsroom.ingest.intake;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.intake.DecodedText;
import cn.hexi.newsroom.events.intake.IssueDecoder;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.events.intake.RejectionReason;
import cn.hexi.newsroom.events.spring.EventLogContext;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.events.spring.StageMetrics;
import cn.hexi.newsroom.ingest.IngestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The one way into the pipeline, shared by HTTP, the drop folder and the CLI. */
@Service
public class IssueIntake {

    private static final Logger log = LoggerFactory.getLogger(IssueIntake.class);

    private final IssueDecoder decoder = new IssueDecoder();
    private final EventPublisher publisher;
    private final StageMetrics metrics;
    private final long maxBytes;
    private final Clock clock;

    /** When the last issue was accepted (Unix seconds), for a "no paper today" alert. */
    private final AtomicLong lastAcceptedSeconds = new AtomicLong();
    private final MeterRegistry registry;
    private final IssueTraces traces;

    public IssueIntake(EventPublisher publisher, StageMetrics metrics, IngestProperties properties, Clock clock, MeterRegistry registry,
                       IssueTraces traces) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBytes = properties.maxIssueSize().toBytes();
        this.clock = clock;
        this.registry = registry;
        this.traces = traces;
    }

    /** What became of one upload: accepted as an issue, or refused with the reason. */
    public record Outcome(IssueUpload upload, AcceptedIssue accepted, IssueRejectedException refusal) {
    }

    /**
     * Decodes, identifies and publishes an issue, returning once the broker has acknowledged it.
     *
     * @throws IssueRejectedException when the upload cannot be an issue; nothing is published then
     */
    public AcceptedIssue accept(IssueUpload upload) {
        Outcome outcome = acceptAll(List.of(upload)).get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.accepted();
    }

    /**
     * Decodes and identifies every upload, then publishes the valid ones together (one send, one wait for the broker's
     * acknowledgement), each issue the root of its own trace; the refused ones publish nothing.
     */
    public List<Outcome> acceptAll(List<IssueUpload> uploads) {
        List<Outcome> outcomes = new ArrayList<>(uploads.size());
        List<Outgoing> events = new ArrayList<>();
        List<Observation> spans = new ArrayList<>();
        for (IssueUpload upload : uploads) {
            try {
                DecodedText decoded = decode(upload.bytes());
                String issueId = IssueIds.of(decoded.text());
                IssueMetadata metadata = new IssueMetadata(upload.publication(), upload.issueDate(), upload.issueNumber(),
                        upload.sourceName(), clock.instant());
                Observation span = traces.startIssue(issueId, upload.sourceName());
                spans.add(span);
                events.add(new Outgoing(EventType.RAW_ISSUE, issueId, issueId, new RawIssue(issueId, metadata, decoded.text()), span));
                outcomes.add(new Outcome(upload, new AcceptedIssue(issueId, upload.sourceName(), decoded.encoding(), decoded.text().length()), null));
            } catch (IssueRejectedException e) {
                metrics.rejected(e.reason().code());
                log.info("refused issue {}: {} ({})", upload.sourceName(), e.reason().code(), e.getMessage());
                outcomes.add(new Outcome(upload, null, e));
            }
        }
        try {
            publish(events);
        } finally {
            spans.forEach(Observation::stop);
        }
        return outcomes;
    }

    private void publish(List<Outgoing> events) {
        if (events.isEmpty()) {
            return;
        }
        metrics.process(events.size(), () -> {
            publisher.publishAll(events);
            return null;
        });
        metrics.emitted(EventType.RAW_ISSUE, events.size());
        lastAcceptedSeconds.set(clock.instant().getEpochSecond());
        // Registered with the first issue: until then the series is absent, which the alert reads as "none yet" and,
        // after a restart, bridges with the previous process's samples.
        Gauge.builder("newsroom.ingest.last.issue.timestamp", lastAcceptedSeconds, AtomicLong::get).baseUnit("seconds")
                .description("When ingest last accepted an issue (Unix time)").register(registry);
        for (Outgoing event : events) {
            RawIssue raw = (RawIssue) event.payload();
            try (Observation.Scope inIssueTrace = event.parent().openScope()) {
                EventLogContext.forIssue(raw.issueId(), () -> {
                    log.info("accepted issue {} from {} ({} characters)", raw.issueId(), raw.metadata().sourceName(), raw.text().length());
                    return null;
                });
            }
        }
    }

    /**
     * Reads an upload stream up to one byte past the size limit: enough for {@link #accept} to refuse an
     * oversized issue without buffering all of it.
     */
    public byte[] readLimited(InputStream in) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }

    private DecodedText decode(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new IssueRejectedException(RejectionReason.TOO_LARGE, "the issue is over the limit of " + maxBytes + " bytes");
        }
        return decoder.decode(bytes);
    }
}
