package cn.hexi.newsroom.publish.webhook;

import cn.hexi.newsroom.publish.NotificationMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: an HTTP POST of the notification JSON, signed (see {@link Signatures}), to a target checked
 * again before each attempt ({@link TargetAddresses}), following no redirect. A 2xx answer delivers it; anything else,
 * or no answer, schedules a retry with exponential backoff. The queue is in MongoDB, so a restarted
 * service resumes where it stopped.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Deliveries one scan sends at most, so a long queue does not hold the scheduler thread. */
    static final int BATCH = 50;

    private final WebhookStore store;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final NotificationMetrics notifications;
    private final TargetAddresses targets;

    public WebhookDispatcher(WebhookStore store, WebhookProperties properties, Clock clock, MeterRegistry registry,
                             NotificationMetrics notifications, TargetAddresses targets) {
        this.store = store;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
        this.notifications = notifications;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        for (String state : new String[] {WebhookStore.PENDING, WebhookStore.RETRYING, WebhookStore.FAILED}) {
            Gauge.builder("newsroom.webhook.deliveries", () -> store.count(state)).tag("state", state)
                    .description("Webhook deliveries in the queue by state").register(registry);
        }
        Gauge.builder("newsroom.webhook.oldest.waiting.age", () -> store.oldestWaitingSince()
                        .map(since -> Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                .description("Age of the oldest delivery still waiting (pending or retrying); 0 when none waits")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(fixedDelayString = "${newsroom.publish.webhooks.poll-interval:500ms}")
    public void dispatch() {
        for (int i = 0; i < BATCH; i++) {
            Optional<WebhookStore.Delivery> next = store.claim(clock.instant(), properties.requestTimeout().multipliedBy(3));
            if (next.isEmpty()) {
                return;
            }
            send(next.get());
        }
    }

    private void send(WebhookStore.Delivery delivery) {
        URI target = URI.create(delivery.url());
        // Again at delivery: the name may resolve elsewhere now than when it was subscribed (DNS rebinding).
        Optional<String> refused = targets.refusal(target);
        if (refused.isPresent()) {
            failed(delivery, "target refused: " + refused.get());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header(Signatures.ID_HEADER, delivery.id())
                .header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signatures.SIGNATURE_HEADER, Signatures.header(delivery.secrets(), delivery.id(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.payload()))
                .build();
        String error;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.delivered(delivery, clock.instant());
                count("delivered");
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failed(delivery, error);
    }

    private void failed(WebhookStore.Delivery delivery, String error) {
        store.attemptFailed(delivery, error, clock.instant(), properties);
        count(delivery.attempts() + 1 >= properties.maxAttempts() ? "failed" : "retrying");
        log.info("webhook delivery {} attempt {} failed: {}", delivery.id(), delivery.attempts() + 1, error);
    }

    private void count(String outcome) {
        notifications.notified(NotificationMetrics.WEBHOOK, outcome);
    }
}
