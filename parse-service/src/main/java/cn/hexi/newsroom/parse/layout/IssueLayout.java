package cn.hexi.newsroom.parse.layout;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the segmenter learns from the issue as a whole: whether it sets its blocks apart with blank lines (so lines
 * printed together are one block), and whether a short line is the first part of a paragraph cut by a column break.
 */
public final class IssueLayout {

    private static final String OPENING = "“‘《（(「『【";
    private static final String CLOSING = "”’》）)」』】";
    private static final Pattern NUMBERED = Pattern.compile("[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[.．、]");

    private final String issueText;
    private final ParseVocabulary vocabulary;
    private final boolean blankLinesBetweenBlocks;
    private final boolean indentsParagraphs;

    public IssueLayout(String issueText, List<Line> lines, ParseVocabulary vocabulary) {
        this.issueText = issueText;
        this.vocabulary = vocabulary;
        // Most lines open a block of their own in a layout that sets blocks apart with blank lines.
        this.blankLinesBetweenBlocks = 2 * lines.stream().filter(Line::blankBefore).count() > lines.size();
        // Paragraphs indented and titles not: the indent then marks where a paragraph starts.
        long indented = lines.stream().filter(Line::indented).count();
        this.indentsParagraphs = 4 * indented >= lines.size() && indented < lines.size();
    }

    /** Whether the line is printed as part of the block above it: a headline broken over two lines. */
    public boolean continuesBlock(Line line) {
        return blankLinesBetweenBlocks && !line.blankBefore();
    }

    /**
     * Whether {@code line} reads as the first part of a paragraph that {@code next} goes on with, which looks like a
     * title or crosshead when a column break leaves a short first part with no punctuation in it. The evidence is the
     * text itself: an indent that only paragraphs have, with none on the next line, a quote or bracket left open, a next
     * line that opens as no sentence does, a last character no phrase ends with, or a word broken by the cut, found
     * whole elsewhere in the same issue. A numbered line ({@code 一、}, {@code （二）}, {@code 3.}) is a crosshead.
     */
    public boolean runsOnto(Line line, Line next) {
        String text = line.text();
        String following = next.text();
        if (NUMBERED.matcher(text).lookingAt()) {
            return false;
        }
        return (indentsParagraphs && line.indented() && !next.indented()) || leavesOpen(text)
                || vocabulary.startsMidSentence(following) || vocabulary.endsMidPhrase(text) || breaksAWord(line, next);
    }

    /** A quote or bracket opened and not closed. */
    static boolean leavesOpen(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    /**
     * A word broken by the cut: the text either side of the break, two characters of one side with one of the other,
     * occurs elsewhere in the issue both ways (one pair of characters alone is too common to tell).
     */
    private boolean breaksAWord(Line line, Line next) {
        String before = line.text().substring(Math.max(0, line.length() - 2));
        String after = next.text().substring(0, Math.min(2, next.length()));
        if (!ideographic(after.substring(0, 1))) {
            return false;
        }
        after = ideographic(after) ? after : after.substring(0, 1);
        if (!ideographic(before)) {
            return false;
        }
        // The break itself puts a line end between the two sides, so any occurrence is another one.
        return issueText.contains(before + after.charAt(0)) && issueText.contains(before.charAt(before.length() - 1) + after);
    }

    private static boolean ideographic(String text) {
        return text.codePoints().allMatch(Character::isIdeographic);
    }
}
