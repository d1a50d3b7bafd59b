package cn.hexi.newsroom.events;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One article as the parse service extracted it from an issue.
 *
 * @param sequence   position of the article in the issue, from 1
 * @param kind       {@code news}, {@code photo}, {@code note} or {@code unstructured}
 * @param flags      an open list of names ({@link ArticleFlag} has the parser's)
 * @param titleSpans source spans of the title-block fields, keyed by field name
 *                   ({@code section}, {@code kicker}, {@code headline}, {@code subheadline}, {@code deck})
 */
public record ParsedArticle(
        String issueId,
        String articleId,
        int sequence,
        IssueMetadata issue,
        ArticleKind kind,
        String section,
        String kicker,
        String headline,
        String subheadline,
        String deck,
        List<Byline> bylines,
        List<String> photographers,
        List<BodyItem> body,
        List<String> flags,
        Map<String, List<Span>> titleSpans) {

    public ParsedArticle {
        bylines = List.copyOf(bylines);
        photographers = List.copyOf(photographers);
        body = List.copyOf(body);
        flags = List.copyOf(flags);
        // In key order, so an article serialises the same whichever JVM parsed it.
        titleSpans = Collections.unmodifiableMap(new TreeMap<>(titleSpans));
    }

    public ParsedArticle withIssue(IssueMetadata issue) {
        return new ParsedArticle(issueId, articleId, sequence, issue, kind, section, kicker, headline, subheadline, deck,
                bylines, photographers, body, flags, titleSpans);
    }

    public ParsedArticle withBody(List<BodyItem> body, List<String> flags) {
        return new ParsedArticle(issueId, articleId, sequence, this.issue, kind, section, kicker, headline, subheadline, deck,
                bylines, photographers, body, flags, titleSpans);
    }

    /** Stable id: the same issue parsed again yields the same ids. */
    /** The same article with an editor's section, headline and subheadline; the title spans still point at the source. */
    public ParsedArticle withTitles(String section, String headline, String subheadline) {
        return new ParsedArticle(issueId, articleId, sequence, issue, kind, section, kicker, headline, subheadline, deck,
                bylines, photographers, body, flags, titleSpans);
    }

    public static String articleId(String issueId, int sequence) {
        return issueId + "-" + String.format("%03d", sequence);
    }
}
