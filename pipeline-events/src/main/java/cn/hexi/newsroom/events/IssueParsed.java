package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * The issue-level outcome of a parse: which articles it produced and the parse report.
 *
 * @param text the normalised issue text that every span of the issue's articles points into
 */
public record IssueParsed(
        String issueId,
        IssueMetadata metadata,
        List<String> articleIds,
        ParseReport report,
        String text,
        Instant parsedAt) {

    public IssueParsed {
        articleIds = List.copyOf(articleIds);
    }
}
