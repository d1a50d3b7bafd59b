package cn.hexi.newsroom.parse.stream;

import cn.hexi.newsroom.events.ParseReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Parse quality for operations: articles per issue, articles by kind, warnings by kind and text left unassigned
 * (a rising share of unassigned text or of warnings means a layout the parser does not know).
 */
@Component
public class ParseQualityMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary articlesPerIssue;
    private final DistributionSummary unassignedChars;

    public ParseQualityMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articlesPerIssue = DistributionSummary.builder("newsroom.parse.articles.per.issue").description("Articles found in an issue")
                .register(registry);
        this.unassignedChars = DistributionSummary.builder("newsroom.parse.unassigned").baseUnit("characters")
                .description("Characters of an issue that went into no article").register(registry);
    }

    public void record(ParseReport report) {
        articlesPerIssue.record(report.articleCount());
        unassignedChars.record(report.unassignedChars());
        report.articlesByKind().forEach((kind, count) ->
                Counter.builder("newsroom.parse.articles").tag("kind", kind).register(registry).increment(count));
        report.warningsByKind().forEach((kind, count) ->
                Counter.builder("newsroom.parse.warnings").tag("kind", kind).register(registry).increment(count));
    }
}
