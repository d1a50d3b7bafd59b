package cn.hexi.newsroom.publish.editing;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.publish.PublishProperties;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Notifications;
import cn.hexi.newsroom.publish.decision.StoredArticle;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.PendingEdits;
import cn.hexi.newsroom.publish.store.PendingEdits.Pending;
import cn.hexi.newsroom.publish.stream.NotificationFanOut;
import cn.hexi.newsroom.publish.stream.SentNotifications;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notifications of editors' versions. An edit has no Kafka record to be redelivered should the service stop
 * between storing the version and notifying it (or the broker refuse it meanwhile), so each edit is recorded as
 * pending before its write and cleared once notified; a sweep notifies what stayed pending, unless the topic has it.
 */
@Component
public class EditNotifications {

    private static final Logger log = LoggerFactory.getLogger(EditNotifications.class);

    private final PendingEdits pending;
    private final ArticleStore store;
    private final EventPublisher publisher;
    private final Notifications notifications;
    private final NotificationFanOut fanOut;
    private final SentNotifications sent;
    private final PublishProperties properties;
    private final Clock clock;

    public EditNotifications(PendingEdits pending, ArticleStore store, EventPublisher publisher, Notifications notifications,
                             NotificationFanOut fanOut, SentNotifications sent, PublishProperties properties, Clock clock) {
        this.pending = pending;
        this.store = store;
        this.publisher = publisher;
        this.notifications = notifications;
        this.fanOut = fanOut;
        this.sent = sent;
        this.properties = properties;
        this.clock = clock;
    }

    /** Before the edit's write: from here on, a stop leaves the version to the sweep. */
    public void pending(Decision edit) {
        pending.add(edit.articleId(), edit.version(), clock.instant());
    }

    /** The edit's write lost to another writer: it stores nothing, so there is nothing to notify. */
    public void discard(Decision edit) {
        pending.remove(edit.articleId(), edit.version());
    }

    /**
     * The edit is stored: the topic, then the feed, the webhooks and the mark, then the pending record goes. Should the
     * broker refuse the notification, the edit stays stored and pending, and the sweep sends it later.
     */
    public void notifyStored(Decision edit) {
        try {
            send(edit, false);
        } catch (EventPublisher.EventPublishException e) {
            log.warn("article {} version {} is stored; its notification waits for the broker: {}", edit.articleId(), edit.version(), e.getMessage());
        }
    }

    /** Edits pending for longer than an edit takes: notified now, unless the topic already has them or a newer version replaced them. */
    @Scheduled(fixedDelayString = "${newsroom.publish.pending-edit-sweep:30s}")
    public void sweep() {
        for (Pending edit : pending.olderThan(clock.instant().minus(properties.pendingEditAge()))) {
            Optional<StoredArticle> stored = store.stored(edit.articleId());
            if (stored.isPresent() && stored.get().state().version() == edit.version()
                    && stored.get().state().notifiedVersion() < edit.version()) {
                Decision recovered = Decision.notifyStored(stored.get());
                boolean sentNow = send(recovered, true);
                log.info("article {} version {} ({}) was stored but not notified; notified now{}", edit.articleId(), edit.version(),
                        recovered.revision().change(), sentNow ? "" : " (the topic had it)");
            } else {
                pending.remove(edit.articleId(), edit.version());
            }
        }
    }

    /**
     * The notification to the topic (unless, after a stop, the topic may have it and does), then the fan-out and the
     * pending record's removal. Returns whether it was sent to the topic now.
     */
    private boolean send(Decision edit, boolean mayBeOnTheTopic) {
        ArticlePublished notification = notifications.of(edit);
        boolean send = !mayBeOnTheTopic || sent.alreadySent(List.of(notification)).isEmpty();
        if (send) {
            publisher.publishAll(List.of(new Outgoing(EventType.ARTICLE_PUBLISHED, notification.articleId(), notification.issueId(), notification)));
        }
        fanOut.afterTheTopic(List.of(edit), List.of(notification), send ? 1 : 0);
        pending.remove(edit.articleId(), edit.version());
        return send;
    }
}
