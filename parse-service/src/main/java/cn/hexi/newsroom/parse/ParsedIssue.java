package cn.hexi.newsroom.parse;

import cn.hexi.newsroom.events.ParseReport;
import cn.hexi.newsroom.events.ParsedArticle;
import java.util.List;

/**
 * The parsed-issue document: what {@code ./pipeline parse} prints and what the parse service publishes.
 *
 * @param text the normalised issue text every span points into
 */
public record ParsedIssue(String issueId, List<ParsedArticle> articles, ParseReport report, String text) {
}
