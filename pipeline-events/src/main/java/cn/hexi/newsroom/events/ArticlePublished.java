package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * Notification that an article version is stored and readable, for downstream systems.
 *
 * @param version the enrichment version that was published
 * @param tags    the article's topics, best first
 * @param url     where the article can be read through the publish service's API
 * @param change  what made this version; absent (null) in notifications from before editors' corrections, which were
 *                all {@link ArticleChange#PUBLISHED} or {@link ArticleChange#UPDATED}
 * @param changedFields the fields an editor changed in this version ({@code headline}, {@code tags}…); empty otherwise
 */
public record ArticlePublished(
        String articleId,
        String issueId,
        int sequence,
        long version,
        ArticleKind kind,
        String section,
        String headline,
        String summary,
        List<String> tags,
        List<PlaceRef> places,
        String url,
        Instant receivedAt,
        Instant publishedAt,
        ArticleChange change,
        List<String> changedFields) {

    public ArticlePublished {
        tags = List.copyOf(tags);
        places = List.copyOf(places);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    public record PlaceRef(String name, String type, String code) {
    }
}
