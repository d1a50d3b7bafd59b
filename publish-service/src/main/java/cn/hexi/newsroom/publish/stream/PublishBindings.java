package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.MalformedEventException;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.StageMetrics;
import cn.hexi.newsroom.publish.NotificationMetrics;
import cn.hexi.newsroom.publish.PublishProperties;
import cn.hexi.newsroom.publish.live.ArticleFeed;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.StoreAvailability;
import cn.hexi.newsroom.publish.webhook.WebhookStore;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The publish stage on the stream. An enriched article is stored (newer versions only), then its
 * notification is sent (to the topic, to the feed live pages follow, and to the webhook delivery queue) and marked as sent: if sending fails, the redelivered record finds the version stored
 * but not notified and sends it then, so every stored version is notified. While MongoDB cannot be reached, each store
 * step waits and retries (the consumer pauses) rather than failing the record.
 */
@Configuration
public class PublishBindings {

    private static final Logger log = LoggerFactory.getLogger(PublishBindings.class);

    @Bean
    public Consumer<Message<byte[]>> publishArticle(ArticleStore store, ArticleFeed feed, WebhookStore webhooks,
                                                    StoreAvailability availability, EventPublisher publisher, EventCodec codec,
                                                    StageMetrics metrics, NotificationMetrics notifications, Clock clock,
                                                    PublishProperties properties) {
        return message -> metrics.process(() -> {
            EnrichedArticle enriched = requireComplete(codec.read(message.getPayload(), EnrichedArticle.class));
            ParsedArticle article = enriched.article();
            ArticleStore.Stored stored = availability.untilAvailable("storing " + article.articleId(),
                    () -> store.store(enriched, clock.instant()));
            boolean thisVersionIsStored = stored.version() == enriched.enrichment().version();
            if (thisVersionIsStored && stored.notifiedVersion() < stored.version()) {
                ArticlePublished notification = new ArticlePublished(
                        article.articleId(), article.issueId(), article.sequence(), stored.version(), article.kind(), article.section(),
                        article.headline(), enriched.enrichment().summary(),
                        enriched.enrichment().tags().stream().map(Enrichment.Tag::name).toList(),
                        enriched.enrichment().places().stream().map(p -> new ArticlePublished.PlaceRef(p.name(), p.type(), p.code())).toList(),
                        properties.articleUrl() + article.articleId(),
                        article.issue() == null ? null : article.issue().receivedAt(), stored.publishedAt());
                publisher.publish(EventType.ARTICLE_PUBLISHED, article.articleId(), article.issueId(), notification);
                notifications.notified(NotificationMetrics.KAFKA, "delivered");
                notifications.published(notification.receivedAt(), stored.publishedAt());
                availability.untilAvailable("the live feed", () -> feed.append(notification));
                availability.untilAvailable("queueing webhooks", () -> webhooks.enqueue(notification, clock.instant()));
                availability.untilAvailable("marking " + article.articleId() + " notified",
                        () -> store.markNotified(article.articleId(), stored.version()));
                metrics.emitted(EventType.ARTICLE_PUBLISHED, 1);
                log.info("published article {} version {}", article.articleId(), stored.version());
            } else {
                log.info("article {} version {} changes nothing: version {} is stored and notified", article.articleId(),
                        enriched.enrichment().version(), stored.version());
            }
            return null;
        });
    }

    @Bean
    public Consumer<Message<byte[]>> recordIssue(ArticleStore store, StoreAvailability availability, EventCodec codec, Clock clock) {
        return message -> {
            IssueParsed parsed = codec.read(message.getPayload(), IssueParsed.class);
            if (parsed.issueId() == null || parsed.metadata() == null || parsed.report() == null) {
                throw new MalformedEventException("an IssueParsed event needs issueId, metadata and report");
            }
            availability.untilAvailable("recording issue " + parsed.issueId(), () -> store.recordIssue(parsed, clock.instant()));
        };
    }

    /** Fields the store and the notification cannot do without; anything else may be null. */
    static EnrichedArticle requireComplete(EnrichedArticle enriched) {
        if (enriched.article() == null || enriched.enrichment() == null) {
            throw new MalformedEventException("an EnrichedArticle needs both article and enrichment");
        }
        ParsedArticle article = enriched.article();
        if (article.articleId() == null || article.issueId() == null || article.kind() == null) {
            throw new MalformedEventException("the article needs articleId, issueId and kind");
        }
        if (enriched.enrichment().version() <= 0) {
            throw new MalformedEventException("the enrichment version must be positive");
        }
        return enriched;
    }
}
