package cn.hexi.newsroom.parse.layout;

import java.util.ArrayList;
import java.util.List;

/** The lines of one article, sorted into roles by the segmenter; the assembler turns it into the event. */
public final class Segment {

    public enum Kind {
        NEWS, PHOTO, NOTE,
        /** The rest of a story that jumped pages: a jump headline and text starting mid-sentence. */
        JUMP
    }

    final Kind kind;
    Line section;
    final List<Line> titles = new ArrayList<>();
    final List<Line> deck = new ArrayList<>();
    final List<Credit> bylines = new ArrayList<>();
    final List<Credit> photographers = new ArrayList<>();
    final List<Line> body = new ArrayList<>();
    /** For a caption whose credit is printed on its last line: where that line's caption text ends. */
    int captionCutAt;

    Segment(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public Line section() {
        return section;
    }

    public List<Line> titles() {
        return titles;
    }

    public List<Line> deck() {
        return deck;
    }

    public List<Credit> bylines() {
        return bylines;
    }

    public List<Credit> photographers() {
        return photographers;
    }

    public List<Line> body() {
        return body;
    }

    public int captionCutAt() {
        return captionCutAt;
    }
}
