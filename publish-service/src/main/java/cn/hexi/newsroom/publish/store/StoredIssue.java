package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParseReport;
import java.time.Instant;
import java.util.List;

/**
 * An issue as the store holds it: what parse reported of it, and which of its articles publish has stored. Either half
 * may be missing for a while (null), since the parse report and the articles arrive on different topics.
 */
public record StoredIssue(String issueId, IssueMetadata metadata, List<String> articleIds, Integer articleCount,
                          List<String> storedArticleIds, ParseReport report, Instant parsedAt, Instant lastPublishedAt) {
}
