package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * Notification that an article version is stored and readable, for downstream systems.
 *
 * @param version the enrichment version that was published
 * @param tags    the article's topics, best first
 * @param url     where the article can be read through the publish service's API
 */
public record ArticlePublished(
        String articleId,
        String issueId,
        int sequence,
        long version,
        String kind,
        String section,
        String headline,
        String summary,
        List<String> tags,
        List<PlaceRef> places,
        String url,
        Instant receivedAt,
        Instant publishedAt) {

    public ArticlePublished {
        tags = List.copyOf(tags);
        places = List.copyOf(places);
    }

    public record PlaceRef(String name, String type, String code) {
    }
}
