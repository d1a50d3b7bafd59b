package cn.hexi.newsroom.events;

import java.util.List;

/**
 * A paragraph or crosshead of an article body. A paragraph re-joined across column or page breaks
 * keeps one span per piece, so its source can still be shown.
 */
public record BodyItem(String type, String text, List<Span> spans) {

    public static final String PARAGRAPH = "paragraph";
    public static final String HEADING = "heading";

    public BodyItem {
        spans = List.copyOf(spans);
    }
}
