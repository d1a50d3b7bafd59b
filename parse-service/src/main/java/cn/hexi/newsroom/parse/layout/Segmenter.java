package cn.hexi.newsroom.parse.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 3: cuts the classified lines into articles. Bylines, photo credits and editor's-note markers anchor
 * articles; each anchor claims its title block above it (title-like lines, topped by an optional banner) and
 * the body below it up to the next article's title block. A photo item claims its caption and title above its
 * credit; running text after a photo goes back to the story the photo interrupted.
 */
public final class Segmenter {

    /** Kicker, headline, subheadline: more title-like lines than this above a byline are the previous story's. */
    static final int MAX_TITLE_LINES = 3;
    /** Captions are short: a credit claims at most this many paragraphs above it. */
    static final int MAX_CAPTION_LINES = 2;

    private final LineClassifier classifier;
    private final ParseVocabulary vocabulary;

    public Segmenter(LineClassifier classifier, ParseVocabulary vocabulary) {
        this.classifier = classifier;
        this.vocabulary = vocabulary;
    }

    /** The segments in issue order, and (through {@code unassigned}) the lines no article took. */
    public List<Segment> segment(List<Line> lines, List<LineKind> kinds, List<Line> unassigned) {
        int n = lines.size();
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        List<Segment> segments = new ArrayList<>();
        List<Integer> headStarts = new ArrayList<>();

        for (int i = 0; i < n; i++) {
            LineKind kind = kinds.get(i);
            if (owner[i] < 0 && isJumpStart(lines, kinds, owner, i)) {
                Segment jump = new Segment(Segment.Kind.JUMP);
                int t = i - 1;
                while (t >= 0 && owner[t] < 0 && kinds.get(t) == LineKind.TITLE_LIKE && i - t <= MAX_TITLE_LINES) {
                    jump.titles.add(0, lines.get(t));
                    owner[t--] = segments.size();
                }
                segments.add(jump);
                headStarts.add(t + 1);
                continue;
            }
            if (owner[i] >= 0 || (kind != LineKind.BYLINE && kind != LineKind.CREDIT && kind != LineKind.NOTE_MARKER)) {
                continue;
            }
            int id = segments.size();
            Segment segment;
            int headStart;
            if (kind == LineKind.CREDIT) {
                segment = new Segment(Segment.Kind.PHOTO);
                segment.photographers.add(classifier.credit(lines.get(i).text()).orElseThrow());
                // The caption is [captionStart, captionEnd): the credit's own line when the credit ends a caption.
                int captionStart = i;
                int captionEnd = i;
                if (segment.photographers.get(0).textEnd() > 0) {
                    segment.captionCutAt = segment.photographers.get(0).textEnd();
                    captionEnd = i + 1;
                }
                int c = i - 1;
                while (c >= 0 && owner[c] < 0 && kinds.get(c) == LineKind.BODY && captionEnd - c <= MAX_CAPTION_LINES) {
                    captionStart = c--;
                }
                boolean titled = c >= 0 && owner[c] < 0 && kinds.get(c) == LineKind.TITLE_LIKE;
                if (!titled && captionEnd - captionStart > 1) {
                    captionStart = captionEnd - 1; // without a photo title, only the paragraph at the credit is caption
                    c = captionStart - 1;
                }
                if (captionStart == captionEnd && c >= 0 && owner[c] < 0 && kinds.get(c) == LineKind.TITLE_LIKE && captionEnd == i) {
                    captionStart = c--; // a caption short enough to look like a title
                }
                int t = captionStart - 1;
                while (t >= 0 && owner[t] < 0 && kinds.get(t) == LineKind.TITLE_LIKE && captionStart - t <= 2) {
                    t--;
                }
                headStart = t + 1;
                for (int k = headStart; k < captionStart; k++) {
                    segment.titles.add(lines.get(k));
                }
                for (int k = captionStart; k < captionEnd; k++) {
                    segment.body.add(lines.get(k));
                }
                for (int k = headStart; k <= i; k++) {
                    owner[k] = id;
                }
            } else {
                segment = new Segment(kind == LineKind.NOTE_MARKER ? Segment.Kind.NOTE : Segment.Kind.NEWS);
                int t = i - 1;
                while (t >= 0 && owner[t] < 0 && kinds.get(t) == LineKind.TITLE_LIKE && i - t <= MAX_TITLE_LINES) {
                    t--;
                }
                headStart = t + 1;
                if (t >= 0 && owner[t] < 0 && kinds.get(t) == LineKind.BANNER) {
                    segment.section = lines.get(t);
                    headStart = t;
                }
                for (int k = segment.section == null ? headStart : headStart + 1; k < i; k++) {
                    segment.titles.add(lines.get(k));
                }
                if (kind == LineKind.NOTE_MARKER) {
                    segment.titles.add(lines.get(i));
                } else {
                    segment.bylines.add(classifier.byline(lines.get(i).text()).orElseThrow());
                }
                int bodyStart = i + 1;
                // A byline printed before its headline: the title lines follow it.
                if (segment.titles.isEmpty() && kind == LineKind.BYLINE) {
                    while (bodyStart < n && kinds.get(bodyStart) == LineKind.TITLE_LIKE && segment.titles.size() < MAX_TITLE_LINES
                            && bodyStart + 1 < n && kinds.get(bodyStart + 1) != LineKind.BYLINE) {
                        segment.titles.add(lines.get(bodyStart++));
                    }
                }
                // A byline printed twice around a deck: the deck is the text between them.
                int second = bodyStart;
                while (second < n && second - bodyStart < 2 && kinds.get(second) != LineKind.BYLINE && kinds.get(second) != LineKind.CREDIT) {
                    second++;
                }
                if (kind == LineKind.BYLINE && second < n && second > bodyStart && lines.get(second).text().equals(lines.get(i).text())) {
                    for (int k = bodyStart; k < second; k++) {
                        segment.deck.add(lines.get(k));
                        owner[k] = id;
                    }
                    owner[second] = id;
                    bodyStart = second + 1;
                }
                for (int k = headStart; k < bodyStart; k++) {
                    owner[k] = id;
                }
            }
            segments.add(segment);
            headStarts.add(headStart);
        }

        assignBodies(lines, kinds, owner, segments, headStarts, unassigned);
        return segments;
    }

    /** A paragraph that starts mid-sentence right under title-like lines: the jumped part of a story. */
    private boolean isJumpStart(List<Line> lines, List<LineKind> kinds, int[] owner, int i) {
        return kinds.get(i) == LineKind.BODY && i > 0 && owner[i - 1] < 0 && kinds.get(i - 1) == LineKind.TITLE_LIKE
                && vocabulary.startsMidSentence(lines.get(i).text());
    }

    /**
     * Body lines run from an anchor to the next head. Lines after a photo item belong to the latest story
     * before it; banners and slogans inside a body belong to no article.
     */
    private static void assignBodies(List<Line> lines, List<LineKind> kinds, int[] owner, List<Segment> segments,
                                     List<Integer> headStarts, List<Line> unassigned) {
        int current = -1;
        int nextSegment = 0;
        for (int i = 0; i < lines.size(); i++) {
            while (nextSegment < segments.size() && headStarts.get(nextSegment) <= i) {
                if (segments.get(nextSegment).kind != Segment.Kind.PHOTO) {
                    current = nextSegment;
                }
                nextSegment++;
            }
            if (owner[i] >= 0) {
                continue;
            }
            LineKind kind = kinds.get(i);
            if (current < 0 || kind == LineKind.BANNER || kind == LineKind.SLOGAN) {
                unassigned.add(lines.get(i));
            } else {
                segments.get(current).body.add(lines.get(i));
            }
        }
    }
}
