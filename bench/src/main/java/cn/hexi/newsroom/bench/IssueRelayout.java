package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.parse.IssueParser;
import cn.hexi.newsroom.parse.ParsedIssue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes new, distinct issues out of the seed articles: each issue is a random selection of the articles' source
 * blocks in a new order, with some long lines cut at a new place (a new column break), so every issue has its own id
 * while the text stays the paper's.
 */
public final class IssueRelayout {

    private final List<String> blocks = new ArrayList<>();
    private final Random random;
    private final Set<String> issued = new HashSet<>();
    private final int articlesPerIssue;

    public IssueRelayout(List<String> seedTexts, int articlesPerIssue, long seed) {
        this.random = new Random(seed);
        this.articlesPerIssue = articlesPerIssue;
        IssueParser parser = new IssueParser();
        for (String text : seedTexts) {
            ParsedIssue issue = parser.parse("seed", null, text);
            List<int[]> ranges = issue.articles().stream().map(IssueRelayout::range).toList();
            for (int i = 0; i < ranges.size(); i++) {
                if (!overlapsAnother(ranges, i)) {
                    int[] r = ranges.get(i);
                    blocks.add(issue.text().substring(lineStart(issue.text(), r[0]), lineEnd(issue.text(), r[1])).strip());
                }
            }
        }
        if (blocks.size() < articlesPerIssue) {
            throw new IllegalStateException("only " + blocks.size() + " seed articles can be re-laid out");
        }
    }

    public int blockCount() {
        return blocks.size();
    }

    /** The next issue's text; never one given before. */
    public String next() {
        while (true) {
            List<String> chosen = new ArrayList<>(blocks);
            Collections.shuffle(chosen, random);
            StringBuilder issue = new StringBuilder();
            for (String block : chosen.subList(0, articlesPerIssue)) {
                issue.append(recut(block)).append("\n\n");
            }
            String text = issue.toString();
            if (issued.add(IssueIds.of(text))) {
                return text;
            }
        }
    }

    /** Cuts some long lines in two, as a different column width would. */
    private String recut(String block) {
        StringBuilder out = new StringBuilder(block.length() + 16);
        for (String line : block.split("\n", -1)) {
            if (line.length() > 40 && random.nextInt(3) == 0) {
                int cut = 15 + random.nextInt(line.length() - 30);
                out.append(line, 0, cut).append('\n').append(line, cut, line.length());
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int[] range(ParsedArticle article) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        List<Span> spans = new ArrayList<>();
        article.titleSpans().values().forEach(spans::addAll);
        for (BodyItem item : article.body()) {
            spans.addAll(item.spans());
        }
        for (Span span : spans) {
            start = Math.min(start, span.start());
            end = Math.max(end, span.end());
        }
        return spans.isEmpty() ? new int[] {0, 0} : new int[] {start, end};
    }

    private static boolean overlapsAnother(List<int[]> ranges, int index) {
        int[] mine = ranges.get(index);
        if (mine[1] <= mine[0]) {
            return true;
        }
        for (int i = 0; i < ranges.size(); i++) {
            int[] other = ranges.get(i);
            if (i != index && other[0] < mine[1] && mine[0] < other[1]) {
                return true;
            }
        }
        return false;
    }

    private static int lineStart(String text, int offset) {
        int newline = text.lastIndexOf('\n', Math.max(0, offset - 1));
        return offset == 0 ? 0 : newline + 1;
    }

    private static int lineEnd(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline;
    }
}
