package cn.hexi.newsroom.publish.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook delivery.
 *
 * @param maxAttempts        attempts per delivery before it is {@code failed}
 * @param initialBackoff     wait after the first failed attempt; doubled after each further one
 * @param maxBackoff         the longest wait between attempts
 * @param pauseAfterFailures consecutive failed attempts after which a subscription is paused (resumed through the API)
 * @param requestTimeout     how long one delivery POST may take
 * @param allowPrivateTargets let subscriptions target loopback and private addresses (a local stack, a test); off in
 *                           production, where such a target could reach inside the service's own network
 * @param rotationOverlap    how long the previous secret keeps signing deliveries after a rotation, so that subscribers
 *                           can switch without losing a delivery
 */
@Validated
@ConfigurationProperties("newsroom.publish.webhooks")
public record WebhookProperties(
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration initialBackoff,
        @DefaultValue("5m") @NotNull Duration maxBackoff,
        @DefaultValue("20") @Min(1) int pauseAfterFailures,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("24h") @NotNull Duration rotationOverlap) {

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures. */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
