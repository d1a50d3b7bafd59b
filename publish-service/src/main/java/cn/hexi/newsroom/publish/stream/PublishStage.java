package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.MalformedEventException;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.spring.BatchConsumer;
import cn.hexi.newsroom.events.spring.BatchConsumer.Handled;
import cn.hexi.newsroom.events.spring.BatchConsumer.Outcome;
import cn.hexi.newsroom.events.spring.ConsumedRecord;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.events.spring.StageMetrics;
import cn.hexi.newsroom.publish.NotificationMetrics;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Notifications;
import cn.hexi.newsroom.publish.decision.PublishDecision;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.StoreAvailability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The publish stage for one batch of enriched articles: one read of what the store holds, the publish decision, one
 * bulk write of the versions to store, their notifications sent to the topic and acknowledged once, then one bulk
 * append each to the live feed and the webhook queue and one bulk notified mark. If the stage stops between the store
 * write and the mark, the redelivered batch finds those versions stored but not notified and notifies them then, so
 * every stored version is notified. While MongoDB cannot be reached, each step waits and retries.
 */
@Component
public class PublishStage {

    private static final Logger log = LoggerFactory.getLogger(PublishStage.class);
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final ArticleStore store;
    private final NotificationFanOut fanOut;
    private final StoreAvailability availability;
    private final BatchConsumer batches;
    private final PublishDecision decision;
    private final Notifications notifications;
    private final EventCodec codec;
    private final StageMetrics metrics;
    private final NotificationMetrics notificationMetrics;
    private final Clock clock;
    private final SentNotifications sentNotifications;

    public PublishStage(ArticleStore store, NotificationFanOut fanOut, StoreAvailability availability,
                        BatchConsumer batches, PublishDecision decision, Notifications notifications, EventCodec codec,
                        StageMetrics metrics, NotificationMetrics notificationMetrics, Clock clock, SentNotifications sentNotifications) {
        this.store = store;
        this.sentNotifications = sentNotifications;
        this.fanOut = fanOut;
        this.availability = availability;
        this.batches = batches;
        this.decision = decision;
        this.notifications = notifications;
        this.codec = codec;
        this.metrics = metrics;
        this.notificationMetrics = notificationMetrics;
        this.clock = clock;
    }

    public void publish(Message<List<byte[]>> batch) {
        Outcome<EnrichedArticle> outcome = batches.handleEach(ConsumedRecord.all(batch), record -> {
            EnrichedArticle enriched = requireComplete(codec.read(record.payload(), EnrichedArticle.class));
            log.debug("article {} version {} to publish", enriched.article().articleId(), enriched.enrichment().version());
            return enriched;
        });
        List<EnrichedArticle> articles = outcome.handled().stream().map(Handled::value).toList();
        if (!articles.isEmpty()) {
            List<Decision> stored = store(articles, clock.instant());
            notify(stored, outcome.handled());
            log.info("publish: {} records in, {} stored, {} notified", articles.size(), stored.stream().filter(Decision::writes).count(),
                    stored.size());
        }
        outcome.throwIfFailed();
    }

    /**
     * Decides and writes the batch; returns the decisions to notify. A write that lost to another writer (an editor's
     * correction, another instance during a rebalance) is decided again on what won: the pipeline's new output still
     * carries over an editor's correction made meanwhile, and a version another instance stored is notified there.
     */
    private List<Decision> store(List<EnrichedArticle> articles, Instant now) {
        List<Decision> toNotify = new ArrayList<>();
        List<Decision> decisions = decide(articles, now);
        for (int attempt = 0; !decisions.isEmpty(); attempt++) {
            List<Decision> attempted = decisions;
            Set<String> lost = availability.untilAvailable("storing " + attempted.size() + " articles", () -> store.write(attempted, now));
            attempted.stream().filter(d -> d.notifies() && !lost.contains(d.articleId())).forEach(toNotify::add);
            if (lost.isEmpty() || attempt == MAX_WRITE_ATTEMPTS - 1) {
                if (!lost.isEmpty()) {
                    log.warn("publish: gave up on {} articles that kept losing their writes to other writers: {}", lost.size(), lost);
                }
                break;
            }
            decisions = decide(articles.stream().filter(a -> lost.contains(a.article().articleId())).toList(), now).stream()
                    .filter(Decision::writes).toList();
        }
        return toNotify;
    }

    private List<Decision> decide(List<EnrichedArticle> articles, Instant now) {
        List<String> ids = articles.stream().map(a -> a.article().articleId()).distinct().toList();
        var stored = availability.untilAvailable("reading " + ids.size() + " articles", () -> store.states(ids));
        return decision.decide(articles, stored, now);
    }

    /**
     * The topic first: once the broker has a notification, the feed, the webhooks and the mark follow (each ignores a
     * repeat). A version stored earlier but not marked is sent only if the topic does not have it yet.
     */
    private void notify(List<Decision> toNotify, List<Handled<EnrichedArticle>> handled) {
        if (toNotify.isEmpty()) {
            return;
        }
        Map<String, Integer> lastRecordOf = lastRecordOf(handled);
        List<ArticlePublished> published = toNotify.stream().map(notifications::of).toList();
        List<ArticlePublished> toSend = notYetOnTheTopic(toNotify, published);
        List<Outgoing> events = new ArrayList<>(toSend.size());
        for (ArticlePublished notification : toSend) {
            events.add(new Outgoing(EventType.ARTICLE_PUBLISHED, notification.articleId(), notification.issueId(), notification,
                    handled.get(lastRecordOf.get(notification.articleId())).span()));
        }
        batches.publish(events, i -> lastRecordOf.get(events.get(i).key()));
        metrics.emitted(EventType.ARTICLE_PUBLISHED, events.size());
        toSend.forEach(n -> notificationMetrics.published(n.receivedAt(), n.publishedAt()));
        fanOut.afterTheTopic(toNotify, published, toSend.size());
    }

    /** The notifications to send: all but those of versions stored earlier whose notification the topic already holds. */
    private List<ArticlePublished> notYetOnTheTopic(List<Decision> toNotify, List<ArticlePublished> published) {
        List<ArticlePublished> storedEarlier = new ArrayList<>();
        for (int i = 0; i < toNotify.size(); i++) {
            if (toNotify.get(i).action() == Decision.Action.NOTIFY_STORED) {
                storedEarlier.add(published.get(i));
            }
        }
        Set<String> sentBefore = sentNotifications.alreadySent(storedEarlier);
        return sentBefore.isEmpty() ? published : published.stream().filter(n -> !sentBefore.contains(SentNotifications.keyOf(n))).toList();
    }

    /**
     * The batch position of each article's last record: its notification continues that record's trace, and fails that
     * record should the broker refuse it.
     */
    private static Map<String, Integer> lastRecordOf(List<Handled<EnrichedArticle>> handled) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < handled.size(); i++) {
            last.put(handled.get(i).value().article().articleId(), i);
        }
        return last;
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
