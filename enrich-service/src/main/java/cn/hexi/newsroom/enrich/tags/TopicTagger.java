package cn.hexi.newsroom.enrich.tags;

import cn.hexi.newsroom.enrich.text.DataFiles;
import cn.hexi.newsroom.events.Enrichment.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags an article with topics of the controlled vocabulary ({@code enrich/topics.tsv}): each topic's score is the
 * weighted count of its evidence terms in the text, title matches counting triple, scaled to at most 1. Topics reaching
 * the threshold are kept; an article reaching none keeps its best topic, so every article has one when any term occurs.
 */
public final class TopicTagger {

    static final double TITLE_WEIGHT = 3;
    /** Raw weight that makes a score of 1. */
    static final double FULL_SCORE = 8;
    static final double THRESHOLD = 0.3;
    static final int MAX_TAGS = 4;

    private record Term(String topic, String term, double weight) {
    }

    private final List<Term> terms = new ArrayList<>();

    public TopicTagger() {
        for (String line : DataFiles.lines("/enrich/topics.tsv")) {
            String[] f = line.split("\t");
            terms.add(new Term(f[0], f[1], Double.parseDouble(f[2])));
        }
    }

    public List<Tag> tag(String title, String body) {
        Map<String, Double> raw = new LinkedHashMap<>();
        Map<String, Set<String>> evidence = new LinkedHashMap<>();
        for (Term t : terms) {
            double weight = t.weight() * (TITLE_WEIGHT * occurrences(title, t.term()) + occurrences(body, t.term()));
            if (weight > 0) {
                raw.merge(t.topic(), weight, Double::sum);
                evidence.computeIfAbsent(t.topic(), k -> new LinkedHashSet<>()).add(t.term());
            }
        }
        List<Tag> tags = raw.entrySet().stream()
                .map(e -> new Tag(e.getKey(), Math.round(Math.min(1.0, e.getValue() / FULL_SCORE) * 1000) / 1000.0,
                        List.copyOf(evidence.get(e.getKey()))))
                .sorted(Comparator.comparingDouble(Tag::score).reversed())
                .toList();
        List<Tag> kept = tags.stream().filter(t -> t.score() >= THRESHOLD).limit(MAX_TAGS).toList();
        return kept.isEmpty() && !tags.isEmpty() ? List.of(tags.get(0)) : kept;
    }

    static int occurrences(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }
}
