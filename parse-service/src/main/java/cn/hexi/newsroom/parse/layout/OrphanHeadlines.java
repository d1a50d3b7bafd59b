package cn.hexi.newsroom.parse.layout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Repair stage: a headline printed away from its story (above another story's byline) is moved to the story whose
 * lead it matches. Headlines restate the lead, so a title line whose character pairs mostly occur in another
 * story's lead, and hardly in its own, belongs to that other story.
 */
public final class OrphanHeadlines {

    /** Share of a title's character pairs found in the lead it belongs to. */
    static final double BELONGS = 0.6;
    /** Below this share, a title line does not describe the story it stands above. */
    static final double FOREIGN = 0.3;
    /** Shorter title lines say too little to be matched. */
    static final int MIN_LENGTH = 8;

    private OrphanHeadlines() {
    }

    /** Moves orphan title lines to their stories; returns the segments that received one. */
    public static Set<Segment> reattach(List<Segment> segments) {
        Set<Segment> received = new HashSet<>();
        for (Segment from : segments) {
            if (from.kind() != Segment.Kind.NEWS || from.titles().size() < 2) {
                continue;
            }
            for (Line title : List.copyOf(from.titles())) {
                if (title.length() < MIN_LENGTH || overlap(title.text(), lead(from)) >= FOREIGN) {
                    continue;
                }
                for (Segment to : segments) {
                    if (to != from && to.kind() == Segment.Kind.NEWS && overlap(title.text(), lead(to)) >= BELONGS) {
                        from.titles().remove(title);
                        to.titles().add(0, title);
                        received.add(to);
                        break;
                    }
                }
            }
        }
        return received;
    }

    private static String lead(Segment segment) {
        StringBuilder lead = new StringBuilder();
        for (int i = 0; i < Math.min(2, segment.body().size()); i++) {
            lead.append(segment.body().get(i).text());
        }
        return lead.toString();
    }

    /** The share of the title's adjacent character pairs (spaces ignored) that occur in the text. */
    static double overlap(String title, String text) {
        String t = title.replaceAll("[\\s\u3000]", "");
        if (t.length() < 2) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i + 1 < t.length(); i++) {
            if (text.contains(t.substring(i, i + 2))) {
                found++;
            }
        }
        return (double) found / (t.length() - 1);
    }
}
