package cn.hexi.newsroom.events.spring;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How services publish events.
 *
 * @param partitions        partitions of each pipeline topic when the service creates it (or raises it to): up to this many
 *                          instances of a stage share its input
 * @param replicationFactor replicas of each pipeline topic when the service creates it
 * @param sendTimeout       how long a publish waits for the broker's acknowledgement before failing
 */
@Validated
@ConfigurationProperties("newsroom.events")
public record EventsProperties(
        @DefaultValue("12") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("30s") @NotNull Duration sendTimeout) {
}
