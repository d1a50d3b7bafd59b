package cn.hexi.newsroom.publish;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param database               MongoDB database holding {@code articles} and {@code issues}
 * @param articleUrl             base of the article links in notifications; the article id is appended
 * @param serverSelectionTimeout how long one store call waits for a reachable MongoDB before it counts as an outage
 * @param outageInitialWait      first wait before retrying a store call during an outage; doubled up to the maximum
 * @param outageMaxWait          longest wait between retries during an outage
 * @param pendingEditAge         how long an editor's version may wait for its notification before the sweep sends it
 *                               (the service stopped, or the broker refused it, between storing and notifying)
 */
@Validated
@ConfigurationProperties("newsroom.publish")
public record PublishProperties(
        @DefaultValue("newsroom") @NotBlank String database,
        @DefaultValue("/api/articles/") @NotBlank String articleUrl,
        @DefaultValue("5s") @NotNull Duration serverSelectionTimeout,
        @DefaultValue("500ms") @NotNull Duration outageInitialWait,
        @DefaultValue("15s") @NotNull Duration outageMaxWait,
        @DefaultValue("30s") @NotNull Duration pendingEditAge) {
}
