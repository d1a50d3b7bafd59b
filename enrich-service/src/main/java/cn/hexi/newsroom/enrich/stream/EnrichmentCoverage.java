package cn.hexi.newsroom.enrich.stream;

import cn.hexi.newsroom.events.Enrichment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How much the enricher finds: every enriched article is counted, and counted again per kind of finding it has at
 * least one of. The share of articles with a place or a tag is the ratio of the two rates; a drop means the gazetteer
 * or the vocabulary no longer fits what the paper writes about.
 */
@Component
public class EnrichmentCoverage {

    private static final Map<String, Function<Enrichment, List<?>>> FINDINGS = Map.of(
            "place", Enrichment::places,
            "tag", Enrichment::tags,
            "person", Enrichment::people,
            "organisation", Enrichment::organisations,
            "date", Enrichment::dates);

    private final Counter articles;
    private final Map<String, Counter> withFinding;

    public EnrichmentCoverage(MeterRegistry registry) {
        this.articles = Counter.builder("newsroom.enrich.articles").description("Articles enriched").register(registry);
        this.withFinding = FINDINGS.keySet().stream().collect(Collectors.toMap(Function.identity(),
                finding -> Counter.builder("newsroom.enrich.articles.with").tag("finding", finding)
                        .description("Articles enriched with at least one finding of this kind").register(registry)));
    }

    public void record(Enrichment enrichment) {
        articles.increment();
        FINDINGS.forEach((finding, values) -> {
            if (!values.apply(enrichment).isEmpty()) {
                withFinding.get(finding).increment();
            }
        });
    }
}
