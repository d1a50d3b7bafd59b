package cn.hexi.newsroom.ingest.intake;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.intake.DecodedText;
import cn.hexi.newsroom.events.intake.IssueDecoder;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.events.intake.RejectionReason;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.StageMetrics;
import cn.hexi.newsroom.ingest.IngestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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

    /**
     * Decodes, identifies and publishes an issue, returning once the broker has acknowledged it.
     *
     * @throws IssueRejectedException when the upload cannot be an issue; nothing is published then
     */
    public AcceptedIssue accept(IssueUpload upload) {
        DecodedText decoded;
        try {
            decoded = decode(upload.bytes());
        } catch (IssueRejectedException e) {
            metrics.rejected(e.reason().code());
            log.info("refused issue {}: {} ({})", upload.sourceName(), e.reason().code(), e.getMessage());
            throw e;
        }
        String issueId = IssueIds.of(decoded.text());
        return traces.inNewTrace(issueId, upload.sourceName(), () -> publish(issueId, upload, decoded));
    }

    private AcceptedIssue publish(String issueId, IssueUpload upload, DecodedText decoded) {
        IssueMetadata metadata = new IssueMetadata(upload.publication(), upload.issueDate(), upload.issueNumber(),
                upload.sourceName(), clock.instant());
        metrics.process(() -> {
            publisher.publish(EventType.RAW_ISSUE, issueId, issueId, new RawIssue(issueId, metadata, decoded.text()));
            return null;
        });
        metrics.emitted(EventType.RAW_ISSUE, 1);
        lastAcceptedSeconds.set(metadata.receivedAt().getEpochSecond());
        // Registered with the first issue: until then the series is absent, which the alert reads as "none yet" and,
        // after a restart, bridges with the previous process's samples.
        Gauge.builder("newsroom.ingest.last.issue.timestamp", lastAcceptedSeconds, AtomicLong::get).baseUnit("seconds")
                .description("When ingest last accepted an issue (Unix time)").register(registry);
        log.info("accepted issue {} from {} ({}, {} characters)", issueId, upload.sourceName(), decoded.encoding(), decoded.text().length());
        return new AcceptedIssue(issueId, upload.sourceName(), decoded.encoding(), decoded.text().length());
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
