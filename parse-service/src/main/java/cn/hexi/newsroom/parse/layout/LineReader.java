package cn.hexi.newsroom.parse.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1: normalise the issue text and cut it into lines. Normalisation keeps every character's offset
 * (one character in, one out), so spans computed on lines point into the normalised text exactly.
 */
public final class LineReader {

    private LineReader() {
    }

    /** Line ends to LF; non-breaking, thin and other exotic spaces to plain spaces; tabs to spaces. */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? ' ' : '\n');
            } else if (c == '\t' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F' || c == '\u205F' || c == '\uFEFF') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The non-blank lines of normalised text, in order; linear in the text's length. */
    public static List<Line> read(String normalised) {
        List<Line> lines = new ArrayList<>();
        int lineStart = 0;
        boolean blankBefore = true;
        int n = normalised.length();
        while (lineStart <= n) {
            int lineEnd = normalised.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && isSpace(normalised.charAt(s))) {
                s++;
            }
            boolean indented = s > lineStart;
            while (e > s && isSpace(normalised.charAt(e - 1))) {
                e--;
            }
            boolean heading = false;
            if (s < e && normalised.charAt(s) == '#') {
                int h = s;
                while (h < e && normalised.charAt(h) == '#') {
                    h++;
                }
                if (h - s <= 6 && (h == e || isSpace(normalised.charAt(h)))) {
                    heading = true;
                    s = h;
                    while (s < e && isSpace(normalised.charAt(s))) {
                        s++;
                    }
                }
            }
            if (s < e) {
                lines.add(new Line(lines.size(), normalised.substring(s, e), s, heading, blankBefore, indented));
                blankBefore = false;
            } else {
                blankBefore = true;
            }
            lineStart = lineEnd + 1;
        }
        return lines;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000';
    }
}
