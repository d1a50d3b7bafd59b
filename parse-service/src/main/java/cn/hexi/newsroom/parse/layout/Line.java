package cn.hexi.newsroom.parse.layout;

import cn.hexi.newsroom.events.Span;

/**
 * One non-blank line of the normalised issue text, trimmed, with markdown heading markers removed.
 *
 * @param start           offset of the first kept character in the normalised text
 * @param markdownHeading the source marked the line as a heading ({@code #}, {@code ##})
 * @param blankBefore     a blank line precedes it (layouts without blank lines join paragraphs differently)
 * @param indented        the source printed white space before it, as layouts do at a paragraph's first line
 */
public record Line(int index, String text, int start, boolean markdownHeading, boolean blankBefore, boolean indented) {

    public int end() {
        return start + text.length();
    }

    public Span span() {
        return new Span(start, end());
    }

    public int length() {
        return text.length();
    }
}
