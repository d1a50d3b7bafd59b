package cn.hexi.newsroom.parse;

import cn.hexi.newsroom.events.ArticleFlag;
import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParseReport;
import cn.hexi.newsroom.events.ParseReport.WarningKind;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.parse.layout.Credit;
import cn.hexi.newsroom.parse.layout.IssueLayout;
import cn.hexi.newsroom.parse.layout.Line;
import cn.hexi.newsroom.parse.layout.LineClassifier;
import cn.hexi.newsroom.parse.layout.LineKind;
import cn.hexi.newsroom.parse.layout.LineReader;
import cn.hexi.newsroom.parse.layout.OrphanHeadlines;
import cn.hexi.newsroom.parse.layout.ParseVocabulary;
import cn.hexi.newsroom.parse.layout.Segment;
import cn.hexi.newsroom.parse.layout.Segmenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a whole newspaper issue into articles: normalise → read lines → classify → segment → assemble and
 * repair. Plain Java, no I/O; one instance is safe to share between threads.
 */
public final class IssueParser {

    private final ParseVocabulary vocabulary;
    private final LineClassifier classifier;
    private final Segmenter segmenter;

    public IssueParser(ParseVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.classifier = new LineClassifier(vocabulary);
        this.segmenter = new Segmenter(classifier, vocabulary);
    }

    public IssueParser() {
        this(ParseVocabulary.standard());
    }

    public ParsedIssue parse(String issueId, IssueMetadata metadata, String text) {
        String normalised = LineReader.normalise(text);
        List<Line> lines = LineReader.read(normalised);
        List<LineKind> kinds = classifier.classifyAll(lines);
        IssueLayout layout = new IssueLayout(normalised, lines, vocabulary);
        Segmenter.Segmentation segmentation = segmenter.segment(lines, kinds, layout);
        List<Segment> segments = segmentation.segments();
        Set<Segment> reattached = OrphanHeadlines.reattach(segments);

        Assembly issue = new Assembly(issueId, metadata, new BodyBuilder(kinds, layout), segmentation.unassigned());
        if (segments.isEmpty() && !lines.isEmpty()) {
            issue.unstructured(lines);
        }
        for (Segment segment : segments) {
            if (segment.kind() == Segment.Kind.JUMP) {
                issue.attachJump(segment);
            } else {
                issue.add(segment, reattached.contains(segment));
            }
        }
        return new ParsedIssue(issueId, issue.articles, report(issue.articles, issue.unassigned, issue.warnings), normalised);
    }

    /** The articles of one issue as they are assembled, with the warnings they raise and the lines no article took. */
    private static final class Assembly {
        private final String issueId;
        private final IssueMetadata metadata;
        private final BodyBuilder bodies;
        private final List<Line> unassigned;
        private final List<ParsedArticle> articles = new ArrayList<>();
        private final List<ParseReport.ParseWarning> warnings = new ArrayList<>();

        Assembly(String issueId, IssueMetadata metadata, BodyBuilder bodies, List<Line> unassigned) {
            this.issueId = issueId;
            this.metadata = metadata;
            this.bodies = bodies;
            this.unassigned = new ArrayList<>(unassigned);
        }

        /** No anchor anywhere: the whole issue is one article, and no line is left out. */
        void unstructured(List<Line> lines) {
            String articleId = ParsedArticle.articleId(issueId, 1);
            warnings.add(new ParseReport.ParseWarning(WarningKind.NO_STRUCTURE, "no byline, photo credit or note marker was found; "
                    + "the whole issue is one unstructured article", articleId, null));
            articles.add(new ParsedArticle(issueId, articleId, 1, metadata, ArticleKind.UNSTRUCTURED, null, null, null, null, null,
                    List.of(), List.of(), bodies.items(lines, 0), List.of(), Map.of()));
            unassigned.clear();
        }

        void add(Segment segment, boolean reattached) {
            ParsedArticle article = assemble(segment);
            if (reattached) {
                List<String> flags = new ArrayList<>(article.flags());
                flags.add(ArticleFlag.ORPHAN_HEADLINE.jsonName());
                article = article.withBody(article.body(), flags);
                warnings.add(new ParseReport.ParseWarning(WarningKind.ORPHAN_HEADLINE, "the headline was printed away from the story "
                        + "and re-attached by matching its lead", article.articleId(), article.titleSpans().get("headline").get(0)));
            }
            articles.add(article);
        }

        private ParsedArticle assemble(Segment segment) {
            int sequence = articles.size() + 1;
            String articleId = ParsedArticle.articleId(issueId, sequence);
            Map<String, List<Span>> spans = new LinkedHashMap<>();
            String section = field(segment.section() == null ? List.of() : List.of(segment.section()), "section", spans);
            List<Line> titles = segment.titles();
            String kicker = null;
            String headline = null;
            String subheadline = null;
            switch (titles.size()) {
                case 0 -> { }
                case 1 -> headline = field(titles, "headline", spans);
                case 2 -> {
                    headline = field(titles.subList(0, 1), "headline", spans);
                    subheadline = field(titles.subList(1, 2), "subheadline", spans);
                }
                default -> {
                    kicker = field(titles.subList(0, 1), "kicker", spans);
                    headline = field(titles.subList(1, 2), "headline", spans);
                    subheadline = field(titles.subList(2, titles.size()), "subheadline", spans);
                }
            }
            String deck = field(segment.deck(), "deck", spans);

            List<BodyItem> body = bodies.items(segment.body(), segment.captionCutAt());
            List<String> flags = new ArrayList<>();
            ArticleKind kind = switch (segment.kind()) {
                case NEWS, JUMP -> ArticleKind.NEWS;
                case PHOTO -> ArticleKind.PHOTO;
                case NOTE -> ArticleKind.NOTE;
            };
            if (kind == ArticleKind.NEWS) {
                flagTruncation(articleId, body, flags);
                if (segment.kind() == Segment.Kind.JUMP) {
                    flags.add(ArticleFlag.CONTINUATION.jsonName());
                }
                if (headline == null) {
                    warnings.add(new ParseReport.ParseWarning(WarningKind.NO_HEADLINE, "no title was found above the byline", articleId, null));
                }
            }
            if (body.isEmpty()) {
                warnings.add(new ParseReport.ParseWarning(WarningKind.EMPTY_BODY, "the article has no body text", articleId, null));
            }
            return new ParsedArticle(issueId, articleId, sequence, metadata, kind, section, kicker, headline, subheadline, deck,
                    credits(segment.bylines()), names(segment.photographers()), body, flags, spans);
        }

        /**
         * Re-attaches the jumped part of a story to the first earlier story that stops mid-sentence, joining the
         * cut paragraph; the jump headline is dropped. Without such a story, the short line right above text that goes
         * on mid-sentence is the first part of a paragraph the latest story's column break cut (any title lines above
         * it are that story's crossheads), and all of it goes on that story's body. With no story before it, the part
         * stands alone, flagged.
         */
        void attachJump(Segment jump) {
            for (int a = 0; a < articles.size(); a++) {
                ParsedArticle first = articles.get(a);
                if (ArticleFlag.TRUNCATED.in(first) && !ArticleFlag.CONTINUATION.in(first)) {
                    joinJump(a, jump);
                    return;
                }
            }
            int latest = latestStory();
            if (latest >= 0) {
                ParsedArticle story = articles.get(latest);
                List<BodyItem> body = new ArrayList<>(story.body());
                List<Line> titles = jump.titles();
                for (Line crosshead : titles.subList(0, titles.size() - 1)) {
                    body.add(new BodyItem(BodyItem.HEADING, crosshead.text(), List.of(crosshead.span())));
                }
                List<Line> cutParagraph = new ArrayList<>(titles.subList(titles.size() - 1, titles.size()));
                cutParagraph.addAll(jump.body());
                body.addAll(bodies.items(cutParagraph, 0));
                articles.set(latest, story.withBody(body, story.flags()));
                return;
            }
            ParsedArticle alone = assemble(jump);
            warnings.add(new ParseReport.ParseWarning(WarningKind.ORPHAN_CONTINUATION, "text continued from a story this issue does not have",
                    alone.articleId(), null));
            articles.add(alone);
        }

        private void joinJump(int a, Segment jump) {
            ParsedArticle first = articles.get(a);
            // Text that goes on right after the story it continues was interrupted in place (a banner dropped
            // into the story), not jumped from another page: the lines between belong to no story.
            boolean interrupted = a == articles.size() - 1;
            List<BodyItem> body = new ArrayList<>(first.body());
            List<BodyItem> rest = bodies.items(jump.body(), 0);
            int cut = body.lastIndexOf(lastParagraph(body));
            BodyItem head = rest.get(0);
            List<Span> spans = new ArrayList<>(body.get(cut).spans());
            spans.addAll(head.spans());
            body.set(cut, new BodyItem(BodyItem.PARAGRAPH, body.get(cut).text() + head.text(), spans));
            body.addAll(cut + 1, rest.subList(1, rest.size()));
            warnings.removeIf(w -> w.is(WarningKind.TRUNCATED) && first.articleId().equals(w.articleId()));
            List<String> flags = new ArrayList<>();
            flagTruncation(first.articleId(), body, flags);
            if (interrupted) {
                unassigned.addAll(jump.titles());
                warnings.add(new ParseReport.ParseWarning(WarningKind.BANNER_IN_STORY, "a line inside the story was left out: "
                        + String.join(" ", jump.titles().stream().map(Line::text).toList()), first.articleId(), jump.titles().get(0).span()));
            } else {
                flags.add(ArticleFlag.CONTINUATION.jsonName());
            }
            articles.set(a, first.withBody(body, flags));
        }

        /** The latest story or note so far, which running text after a photo goes back to; -1 for none. */
        private int latestStory() {
            for (int a = articles.size() - 1; a >= 0; a--) {
                if (articles.get(a).kind() != ArticleKind.PHOTO) {
                    return a;
                }
            }
            return -1;
        }

        private void flagTruncation(String articleId, List<BodyItem> body, List<String> flags) {
            BodyItem last = lastParagraph(body);
            if (last != null && !LineClassifier.endsSentence(last.text())) {
                flags.add(ArticleFlag.TRUNCATED.jsonName());
                warnings.add(new ParseReport.ParseWarning(WarningKind.TRUNCATED, "the story ends mid-sentence", articleId,
                        last.spans().get(last.spans().size() - 1)));
            }
        }
    }

    /**
     * Body lines become paragraphs and crossheads. A paragraph that stops mid-sentence was cut by a column or
     * page break, so the next paragraph line continues it; a short title-like line between paragraphs is a crosshead,
     * unless it reads as the first part of a paragraph the next line goes on with.
     * Linear in the text: a paragraph cut a hundred thousand times is built once.
     */
    private record BodyBuilder(List<LineKind> kinds, IssueLayout layout) {

        List<BodyItem> items(List<Line> lines, int captionCutAt) {
            List<BodyItem> items = new ArrayList<>();
            PendingItem paragraph = new PendingItem(BodyItem.PARAGRAPH, "");
            PendingItem heading = new PendingItem(BodyItem.HEADING, " ");
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String text = line.text();
                Span span = line.span();
                if (i == lines.size() - 1 && captionCutAt > 0) {
                    text = text.substring(0, captionCutAt).strip();
                    span = new Span(line.start(), line.start() + text.length());
                }
                if (isCrosshead(lines, i, paragraph.isEmpty())) {
                    paragraph.flushInto(items);
                    if (line.blankBefore()) {
                        heading.flushInto(items); // lines printed together are one crosshead
                    }
                    heading.add(text, span);
                    continue;
                }
                heading.flushInto(items);
                paragraph.add(text, span);
                if (LineClassifier.endsSentence(text)) {
                    paragraph.flushInto(items);
                }
            }
            heading.flushInto(items);
            paragraph.flushInto(items);
            return items;
        }

        private boolean isCrosshead(List<Line> lines, int i, boolean betweenParagraphs) {
            Line line = lines.get(i);
            if (kinds.get(line.index()) != LineKind.TITLE_LIKE || i == 0 || i == lines.size() - 1) {
                return false;
            }
            // After a cut paragraph one short line may be its end; a run of title-like lines printed together may not.
            boolean inTitleRun = (!lines.get(i + 1).blankBefore() && kinds.get(lines.get(i + 1).index()) == LineKind.TITLE_LIKE)
                    || (!line.blankBefore() && kinds.get(lines.get(i - 1).index()) == LineKind.TITLE_LIKE);
            return inTitleRun || (betweenParagraphs && !layout.runsOnto(line, lines.get(i + 1)));
        }
    }

    /** A body item being built from one or more lines; linear however many lines it takes. */
    private static final class PendingItem {
        private final String type;
        private final String separator;
        private final StringBuilder text = new StringBuilder();
        private List<Span> spans = new ArrayList<>();

        PendingItem(String type, String separator) {
            this.type = type;
            this.separator = separator;
        }

        boolean isEmpty() {
            return spans.isEmpty();
        }

        void add(String line, Span span) {
            if (!spans.isEmpty()) {
                text.append(separator);
            }
            text.append(line);
            spans.add(span);
        }

        void flushInto(List<BodyItem> items) {
            if (!spans.isEmpty()) {
                items.add(new BodyItem(type, text.toString(), spans));
                text.setLength(0);
                spans = new ArrayList<>();
            }
        }
    }

    private static BodyItem lastParagraph(List<BodyItem> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            if (body.get(i).type().equals(BodyItem.PARAGRAPH)) {
                return body.get(i);
            }
        }
        return null;
    }

    /** Joins title-block lines into one field and records their spans; null when there are none. */
    private static String field(List<Line> lines, String name, Map<String, List<Span>> spans) {
        if (lines.isEmpty()) {
            return null;
        }
        spans.put(name, lines.stream().map(Line::span).toList());
        return String.join("", lines.stream().map(Line::text).toList());
    }

    private static List<Byline> credits(List<Credit> credits) {
        List<Byline> bylines = new ArrayList<>();
        for (Credit credit : credits) {
            for (String name : credit.names()) {
                bylines.add(new Byline(credit.role(), name));
            }
        }
        return bylines;
    }

    private static List<String> names(List<Credit> credits) {
        return credits.stream().flatMap(c -> c.names().stream()).toList();
    }

    private static ParseReport report(List<ParsedArticle> articles, List<Line> unassigned, List<ParseReport.ParseWarning> warnings) {
        Map<String, Integer> byKind = new TreeMap<>();
        articles.forEach(a -> byKind.merge(a.kind().jsonName(), 1, Integer::sum));
        Map<String, Integer> warningsByKind = new TreeMap<>();
        warnings.forEach(w -> warningsByKind.merge(w.kind(), 1, Integer::sum));
        int unassignedChars = unassigned.stream().mapToInt(Line::length).sum();
        return new ParseReport(articles.size(), byKind, unassignedChars, unassigned.stream().map(Line::text).toList(),
                warningsByKind, warnings);
    }
}
