package cn.hexi.newsroom.publish.live;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.publish.NotificationMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for pages: a connecting page first gets every feed entry after its {@code Last-Event-ID}, then
 * new ones as the feed grows. One poller reads the feed for all connected pages. On shutdown the connections are closed
 * first (pages reconnect and resume), so the web server's graceful shutdown does not wait for them.
 */
@Component
public class LiveArticles implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveArticles.class);
    /** How much a reconnecting page may catch up on in one go; older entries are in the article API. */
    static final int REPLAY_LIMIT = 500;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(30);

    private final ArticleFeed feed;
    private final EventCodec codec;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    private final NotificationMetrics notifications;

    public LiveArticles(ArticleFeed feed, EventCodec codec, NotificationMetrics notifications) {
        this.feed = feed;
        this.codec = codec;
        this.notifications = notifications;
    }

    /** A connected page and the last entry it was sent. */
    private static final class Subscriber {
        final SseEmitter emitter;
        volatile long lastSent;

        Subscriber(SseEmitter emitter, long lastSent) {
            this.emitter = emitter;
            this.lastSent = lastSent;
        }
    }

    /** @param lastEventId the last entry the page saw, or null for a page that only wants what comes next */
    public SseEmitter connect(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(CONNECTION_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, lastEventId == null ? feed.latest() : lastEventId);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // Browsers open the stream on its first bytes: a page with nothing to catch up on would otherwise show
            // itself offline until the first heartbeat.
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
            return emitter;
        }
        synchronized (subscriber) {
            send(subscriber, feed.after(subscriber.lastSent, REPLAY_LIMIT));
        }
        subscribers.add(subscriber);
        return emitter;
    }

    /** Reads what the least advanced page has not seen yet (normally only new entries) and sends each page its part. */
    @Scheduled(fixedDelayString = "${newsroom.publish.live.poll-interval:250ms}")
    public void poll() {
        if (subscribers.isEmpty()) {
            return;
        }
        long oldest = subscribers.stream().mapToLong(s -> s.lastSent).min().orElseThrow();
        List<ArticleFeed.Entry> entries = feed.after(oldest, REPLAY_LIMIT);
        for (Subscriber subscriber : subscribers) {
            synchronized (subscriber) {
                send(subscriber, entries);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops first). */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Keeps idle connections open through proxies that close silent ones. */
    @Scheduled(fixedDelayString = "${newsroom.publish.live.heartbeat:15s}")
    public void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    private void send(Subscriber subscriber, List<ArticleFeed.Entry> entries) {
        for (ArticleFeed.Entry entry : entries) {
            if (entry.sequence() <= subscriber.lastSent) {
                continue;
            }
            try {
                subscriber.emitter.send(SseEmitter.event().id(Long.toString(entry.sequence())).name("article")
                        .data(codec.writeString(entry.article()), MediaType.APPLICATION_JSON));
                subscriber.lastSent = entry.sequence();
                notifications.notified(NotificationMetrics.SSE, "delivered");
            } catch (IOException | IllegalStateException gone) {
                notifications.notified(NotificationMetrics.SSE, "failed");
                log.debug("live page went away: {}", gone.getMessage());
                subscribers.remove(subscriber);
                return;
            }
        }
    }
}
