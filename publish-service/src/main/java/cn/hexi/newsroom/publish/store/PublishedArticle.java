package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.publish.decision.Editorial;
import cn.hexi.newsroom.publish.decision.Revision;
import java.time.Instant;

/** A stored article as it is published: its version, editors' corrections applied, what made the version and what editors did. */
public record PublishedArticle(String articleId, long version, Instant publishedAt, EnrichedArticle article, Revision revision,
                               Editorial editorial) {
}
