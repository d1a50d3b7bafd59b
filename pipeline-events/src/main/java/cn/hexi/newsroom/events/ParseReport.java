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

    /**
     * A problem the parser noticed; {@code articleId} is null when it concerns the issue as a whole. {@code kind} is an
     * open set of names in the contracts; {@link WarningKind} has the ones the parser gives today.
     */
    public record ParseWarning(String kind, String message, String articleId, Span span) {

        public ParseWarning(WarningKind kind, String message, String articleId, Span span) {
            this(kind.jsonName(), message, articleId, span);
        }

        public boolean is(WarningKind known) {
            return known.jsonName().equals(kind);
        }
    }

    /** The kinds of warning the parser gives, by their names in the contracts. */
    public enum WarningKind {
        /** No byline, credit or note marker anywhere: the issue is one unstructured article. */
        NO_STRUCTURE("no-structure"),
        /** A headline printed away from its story, re-attached. */
        ORPHAN_HEADLINE("orphan-headline"),
        /** A story with no title above its byline. */
        NO_HEADLINE("no-headline"),
        /** An article with no body text. */
        EMPTY_BODY("empty-body"),
        /** A line inside a story (a banner dropped into it) left out of it. */
        BANNER_IN_STORY("banner-in-story"),
        /** Text continued from a story the issue does not have. */
        ORPHAN_CONTINUATION("orphan-continuation"),
        /** A story that ends mid-sentence. */
        TRUNCATED("truncated");

        private final String jsonName;

        WarningKind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
