package cn.hexi.newsroom.enrich.stream;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.StageMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The enrich stage on the stream: a parsed article in, the enriched article out, acknowledged only once the
 * broker has the output. Unreadable records go to the dead-letter topic (binding configuration).
 */
@Configuration
public class EnrichBindings {

    private static final Logger log = LoggerFactory.getLogger(EnrichBindings.class);

    @Bean
    public Consumer<Message<byte[]>> enrichArticle(ArticleEnricher enricher, EventPublisher publisher, EventCodec codec,
                                                   StageMetrics metrics, EnrichmentCoverage coverage, Clock clock) {
        return message -> metrics.process(() -> {
            ParsedArticle article = codec.read(message.getPayload(), ParsedArticle.class);
            Instant now = clock.instant();
            // Enrichment time orders versions: a later re-enrichment of the same article is newer.
            EnrichedArticle enriched = enricher.enrich(article, now.toEpochMilli(), now);
            publisher.publish(EventType.ARTICLE_ENRICHED, article.articleId(), article.issueId(), enriched);
            metrics.emitted(EventType.ARTICLE_ENRICHED, 1);
            coverage.record(enriched.enrichment());
            log.info("enriched article {}: {} tags, {} places, {} people, {} organisations", article.articleId(),
                    enriched.enrichment().tags().size(), enriched.enrichment().places().size(),
                    enriched.enrichment().people().size(), enriched.enrichment().organisations().size());
            return null;
        });
    }
}
