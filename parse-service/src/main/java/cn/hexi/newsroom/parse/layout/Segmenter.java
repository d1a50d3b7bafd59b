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

    /**
     * Kicker, headline (on one line or printed over two), subheadline and a second subheadline: more title blocks
     * than this above a byline are the previous story's.
     */
    static final int MAX_TITLE_BLOCKS = 4;
    /** Captions are short: a credit claims at most this many paragraphs above it. */
    static final int MAX_CAPTION_LINES = 2;
    /** A photo's title, above its caption, is one or two lines. */
    static final int MAX_PHOTO_TITLE_LINES = 2;
    /** A deck printed between two copies of its byline is one or two lines. */
    static final int MAX_DECK_LINES = 2;

    private final LineClassifier classifier;
    private final ParseVocabulary vocabulary;

    public Segmenter(LineClassifier classifier, ParseVocabulary vocabulary) {
        this.classifier = classifier;
        this.vocabulary = vocabulary;
    }

    /** The segments of an issue in issue order, and the lines no article took (banners, slogans, what precedes every article). */
    public record Segmentation(List<Segment> segments, List<Line> unassigned) {
    }

    public Segmentation segment(List<Line> lines, List<LineKind> kinds, IssueLayout layout) {
        Claims claims = new Claims(lines, kinds, layout);
        for (int i = 0; i < lines.size(); i++) {
            if (claims.free(i) && isJumpStart(lines, kinds, claims, i)) {
                claims.claimJump(i);
                continue;
            }
            LineKind kind = kinds.get(i);
            if (!claims.free(i)) {
                continue;
            }
            switch (kind) {
                case CREDIT -> claims.claimPhoto(i, classifier.credit(lines.get(i).text()).orElseThrow());
                case BYLINE, NOTE_MARKER -> claims.claimStory(i);
                default -> { }
            }
        }
        List<Line> unassigned = new ArrayList<>();
        assignBodies(lines, kinds, claims.owner, claims.segments, claims.headStarts, unassigned);
        return new Segmentation(claims.segments, unassigned);
    }

    /**
     * The segments found so far, which line each has claimed ({@code owner}, -1 for none), and where each one's head
     * (its title block, banner included) starts.
     */
    private final class Claims {
        private final List<Line> lines;
        private final List<LineKind> kinds;
        private final IssueLayout layout;
        private final int[] owner;
        private final List<Segment> segments = new ArrayList<>();
        private final List<Integer> headStarts = new ArrayList<>();

        Claims(List<Line> lines, List<LineKind> kinds, IssueLayout layout) {
            this.lines = lines;
            this.kinds = kinds;
            this.layout = layout;
            this.owner = new int[lines.size()];
            Arrays.fill(owner, -1);
        }

        boolean free(int i) {
            return owner[i] < 0;
        }

        private boolean freeAs(int i, LineKind kind) {
            return i >= 0 && i < lines.size() && free(i) && kinds.get(i) == kind;
        }

        /**
         * Where the unclaimed title-like lines right above {@code below} begin: at most {@code max} title blocks, lines
         * printed together (a headline broken over two lines) being one block.
         */
        private int titleBlockAbove(int below, int max) {
            int start = below;
            int blocks = 0;
            while (freeAs(start - 1, LineKind.TITLE_LIKE) && blocks < max) {
                int block = start - 1;
                while (layout.continuesBlock(lines.get(block)) && freeAs(block - 1, LineKind.TITLE_LIKE)) {
                    block--;
                }
                start = block;
                blocks++;
            }
            return start;
        }

        /** The jumped part of a story: the title lines above it are its jump headline. */
        void claimJump(int i) {
            Segment jump = new Segment(Segment.Kind.JUMP);
            int headStart = titleBlockAbove(i, MAX_TITLE_BLOCKS);
            jump.titles.addAll(lines.subList(headStart, i));
            claim(jump, headStart, headStart, i);
        }

        /** A photo item: its credit, the caption above it (or on the credit's own line) and the photo's title above that. */
        void claimPhoto(int i, Credit credit) {
            Segment photo = new Segment(Segment.Kind.PHOTO);
            photo.photographers.add(credit);
            // The caption is [captionStart, captionEnd): the credit's own line when the credit ends a caption.
            int captionEnd = i;
            if (credit.textEnd() > 0) {
                photo.captionCutAt = credit.textEnd();
                captionEnd = i + 1;
            }
            int captionStart = captionStart(i, captionEnd);
            int headStart = titleBlockAbove(captionStart, MAX_PHOTO_TITLE_LINES);
            photo.titles.addAll(lines.subList(headStart, captionStart));
            photo.body.addAll(lines.subList(captionStart, captionEnd));
            claim(photo, headStart, headStart, i + 1);
        }

        private int captionStart(int credit, int captionEnd) {
            int captionStart = credit;
            int c = credit - 1;
            // A caption of two lines is one cut by a column break: its upper line ends no sentence.
            while (freeAs(c, LineKind.BODY) && captionEnd - c <= MAX_CAPTION_LINES
                    && (c == captionEnd - 1 || !LineClassifier.endsSentence(lines.get(c).text()))) {
                captionStart = c--;
            }
            boolean titled = freeAs(c, LineKind.TITLE_LIKE);
            if (!titled && captionEnd - captionStart > 1) {
                captionStart = captionEnd - 1; // without a photo title, only the paragraph at the credit is caption
                c = captionStart - 1;
            }
            if (captionStart == captionEnd && captionEnd == credit && freeAs(c, LineKind.TITLE_LIKE)) {
                captionStart = c; // a caption short enough to look like a title
            }
            return captionStart;
        }

        /**
         * A story or an editor's note at its byline or marker: the title block above it (under an optional banner, its
         * section), or below a byline printed before its headline, and a deck printed above the byline or between two
         * copies of it.
         */
        void claimStory(int i) {
            boolean note = kinds.get(i) == LineKind.NOTE_MARKER;
            Segment story = new Segment(note ? Segment.Kind.NOTE : Segment.Kind.NEWS);
            int deckStart = note ? i : deckAbove(i);
            story.deck.addAll(lines.subList(deckStart, i));
            int titleStart = titleBlockAbove(deckStart, MAX_TITLE_BLOCKS);
            int headStart = titleStart;
            if (freeAs(titleStart - 1, LineKind.BANNER)) {
                story.section = lines.get(titleStart - 1);
                headStart = titleStart - 1;
            }
            story.titles.addAll(lines.subList(titleStart, deckStart));
            int bodyStart = i + 1;
            if (note) {
                story.titles.add(lines.get(i));
            } else {
                story.bylines.add(classifier.byline(lines.get(i).text()).orElseThrow());
                if (story.titles.isEmpty()) {
                    bodyStart = titlesBelowByline(story, bodyStart);
                }
                bodyStart = deckBetweenBylines(story, i, bodyStart);
            }
            claim(story, headStart, headStart, bodyStart);
        }

        /**
         * A deck printed between the title and the byline: one or two lines of running text that end no sentence,
         * right under title lines and right above a byline whose body follows it; returns where the deck starts.
         */
        private int deckAbove(int byline) {
            int start = byline;
            while (freeAs(start - 1, LineKind.BODY) && byline - start < MAX_DECK_LINES) {
                start--;
            }
            boolean deck = start < byline && freeAs(start - 1, LineKind.TITLE_LIKE)
                    && !LineClassifier.endsSentence(lines.get(byline - 1).text())
                    && (byline + 1 >= lines.size() || kinds.get(byline + 1) != LineKind.TITLE_LIKE);
            return deck ? start : byline;
        }

        /** A byline printed before its headline: the title lines that follow it; returns where the body starts. */
        private int titlesBelowByline(Segment story, int bodyStart) {
            int n = lines.size();
            while (bodyStart < n && kinds.get(bodyStart) == LineKind.TITLE_LIKE && story.titles.size() < MAX_TITLE_BLOCKS
                    && bodyStart + 1 < n && kinds.get(bodyStart + 1) != LineKind.BYLINE
                    && (layout.continuesBlock(lines.get(bodyStart + 1)) || !layout.runsOnto(lines.get(bodyStart), lines.get(bodyStart + 1)))) {
                story.titles.add(lines.get(bodyStart++));
            }
            return bodyStart;
        }

        /** A byline printed twice around a deck: the deck is the text between them; returns where the body starts. */
        private int deckBetweenBylines(Segment story, int byline, int bodyStart) {
            int second = bodyStart;
            while (second < lines.size() && second - bodyStart < MAX_DECK_LINES && kinds.get(second) != LineKind.BYLINE
                    && kinds.get(second) != LineKind.CREDIT) {
                second++;
            }
            if (second < lines.size() && second > bodyStart && lines.get(second).text().equals(lines.get(byline).text())) {
                story.deck.addAll(lines.subList(bodyStart, second));
                return second + 1;
            }
            return bodyStart;
        }

        /** Adds the segment, its head starting at {@code headStart}, owning the lines [{@code from}, {@code to}). */
        private void claim(Segment segment, int headStart, int from, int to) {
            Arrays.fill(owner, from, to, segments.size());
            segments.add(segment);
            headStarts.add(headStart);
        }
    }

    /** A paragraph that starts mid-sentence right under title-like lines: the jumped part of a story. */
    private boolean isJumpStart(List<Line> lines, List<LineKind> kinds, Claims claims, int i) {
        return kinds.get(i) == LineKind.BODY && claims.freeAs(i - 1, LineKind.TITLE_LIKE) && vocabulary.startsMidSentence(lines.get(i).text());
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
