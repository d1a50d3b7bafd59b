package cn.hexi.newsroom.enrich.stream;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.spring.BatchConsumer;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The enrich stage on the stream: a batch of parsed articles in, the enriched articles out, acknowledged only once the
 * broker has all of them. An unreadable record goes to the dead-letter topic alone; the rest of its batch goes on.
 */
@Configuration
public class EnrichBindings {

    private static final Logger log = LoggerFactory.getLogger(EnrichBindings.class);

    @Bean
    public Consumer<Message<List<byte[]>>> enrichArticle(ArticleEnricher enricher, BatchConsumer batches, EventCodec codec,
                                                         EnrichmentCoverage coverage, Clock clock) {
        return batch -> batches.transform(batch, record -> {
            ParsedArticle article = codec.read(record.payload(), ParsedArticle.class);
            Instant now = clock.instant();
            // Enrichment time orders versions: a later re-enrichment of the same article is newer.
            EnrichedArticle enriched = enricher.enrich(article, now.toEpochMilli(), now);
            coverage.record(enriched.enrichment());
            log.debug("enriched article {}: {} tags, {} places, {} people, {} organisations", article.articleId(),
                    enriched.enrichment().tags().size(), enriched.enrichment().places().size(),
                    enriched.enrichment().people().size(), enriched.enrichment().organisations().size());
            return List.of(new Outgoing(EventType.ARTICLE_ENRICHED, article.articleId(), article.issueId(), enriched));
        });
    }
}
