package cn.hexi.newsroom.events;

/** Half-open character range [start, end) in the parser's normalised issue text. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
