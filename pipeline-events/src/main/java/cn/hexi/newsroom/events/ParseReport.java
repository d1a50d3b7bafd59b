package cn.hexi.newsroom.events;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the parse of one issue went, for editors and for metrics.
 *
 * @param unassignedChars characters of non-blank text that ended up in no article
 * @param unassigned      the unassigned text blocks themselves (page slogans, stray lines)
 */
public record ParseReport(
        int articleCount,
        Map<String, Integer> articlesByKind,
        int unassignedChars,
        List<String> unassigned,
        Map<String, Integer> warningsByKind,
        List<ParseWarning> warnings) {

    public ParseReport {
        // In key order, so a report serialises the same whichever JVM parsed the issue.
        articlesByKind = Collections.unmodifiableMap(new TreeMap<>(articlesByKind));
        unassigned = List.copyOf(unassigned);
        warningsByKind = Collections.unmodifiableMap(new TreeMap<>(warningsByKind));
        warnings = List.copyOf(warnings);
    }

    /** A problem the parser noticed; {@code articleId} is null when it concerns the issue as a whole. */
    public record ParseWarning(String kind, String message, String articleId, Span span) {
    }
}
