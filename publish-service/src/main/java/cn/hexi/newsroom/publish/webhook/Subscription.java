package cn.hexi.newsroom.publish.webhook;

import cn.hexi.newsroom.events.ArticlePublished;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription. The filter's lists are alternatives within a kind and all kinds must hold: an empty list
 * matches everything. {@code placeCodes} match a place or anything inside it (by code prefix).
 *
 * @param status {@code active}, or {@code paused} after repeated failures
 */
public record Subscription(String id, String url, List<String> tags, List<String> placeCodes, List<String> sections, String status,
                           int consecutiveFailures, Instant createdAt) {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";

    public Subscription {
        tags = tags == null ? List.of() : List.copyOf(tags);
        placeCodes = placeCodes == null ? List.of() : List.copyOf(placeCodes);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public boolean matches(ArticlePublished article) {
        boolean tag = tags.isEmpty() || article.tags().stream().anyMatch(tags::contains);
        boolean place = placeCodes.isEmpty() || article.places().stream()
                .anyMatch(p -> p.code() != null && placeCodes.stream().anyMatch(p.code()::startsWith));
        boolean section = sections.isEmpty() || sections.contains(article.section());
        return tag && place && section;
    }
}
