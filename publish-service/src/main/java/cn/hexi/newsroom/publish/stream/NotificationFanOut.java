package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.publish.NotificationMetrics;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.live.ArticleFeed;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.StoreAvailability;
import cn.hexi.newsroom.publish.webhook.WebhookStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What follows once the broker holds some notifications, for the pipeline's versions and the editors' alike: the live
 * feed, the webhook queue and the notified mark, each ignoring a repeat, each waiting out a store outage.
 */
@Component
public class NotificationFanOut {

    private final ArticleStore store;
    private final ArticleFeed feed;
    private final WebhookStore webhooks;
    private final StoreAvailability availability;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public NotificationFanOut(ArticleStore store, ArticleFeed feed, WebhookStore webhooks, StoreAvailability availability,
                              NotificationMetrics metrics, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.webhooks = webhooks;
        this.availability = availability;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param notified  the decisions whose versions were notified
     * @param published their notifications, all of them on the topic now
     * @param sent      how many of them this call's caller sent (the rest the topic had already)
     */
    public void afterTheTopic(List<Decision> notified, List<ArticlePublished> published, int sent) {
        for (int i = 0; i < sent; i++) {
            metrics.notified(NotificationMetrics.KAFKA, "delivered");
        }
        availability.untilAvailable("the live feed", () -> feed.appendAll(published));
        availability.untilAvailable("queueing webhooks", () -> webhooks.enqueueAll(published, clock.instant()));
        availability.untilAvailable("marking " + notified.size() + " articles notified", () -> store.markNotified(notified));
    }
}
