package cn.hexi.newsroom.parse;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.ParsedArticle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The shared parse scorer ({@code shared/tools/parse_eval.py}) in Java, so the build can assert its figures:
 * articles are paired with gold by their paragraphs, then titles, bylines, kinds and bodies are compared after
 * the same text normalisation.
 */
final class GoldScore {

    private int gold;
    private int predicted;
    private int matched;
    private final Map<String, int[]> fields = new HashMap<>();
    private int paragraphHits;
    private int paragraphTotal;
    private int crossheadHits;
    private int crossheadTotal;
    final List<String> misses = new ArrayList<>();

    void add(JsonNode goldIssue, List<ParsedArticle> articles) {
        List<JsonNode> golds = new ArrayList<>();
        goldIssue.get("articles").forEach(golds::add);
        gold += golds.size();
        predicted += articles.size();
        Map<Integer, Integer> pairs = pair(golds, articles);
        matched += pairs.size();
        for (int g = 0; g < golds.size(); g++) {
            JsonNode ga = golds.get(g);
            paragraphTotal += goldParagraphs(ga).size();
            crossheadTotal += goldItems(ga, BodyItem.HEADING).size();
            Integer p = pairs.get(g);
            if (p == null) {
                misses.add("missed: " + ga.path("headline").asString(""));
                for (String field : List.of("title", "bylines", "photographers", "kind", "body")) {
                    count(field, false);
                }
            } else {
                compare(ga, articles.get(p));
            }
        }
    }

    /** Pairs gold and predicted articles by the share of the gold paragraphs whose start the prediction's body holds. */
    private static Map<Integer, Integer> pair(List<JsonNode> golds, List<ParsedArticle> articles) {
        List<String> predictedBodies = articles.stream().map(a -> String.join("", paragraphs(a))).toList();
        record Candidate(double score, int gold, int predicted) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int g = 0; g < golds.size(); g++) {
            List<String> gp = goldParagraphs(golds.get(g)).stream().filter(p -> !p.isEmpty()).toList();
            for (int p = 0; p < articles.size(); p++) {
                String body = predictedBodies.get(p);
                long hits = gp.stream().filter(x -> body.contains(x.substring(0, Math.min(40, x.length())))).count();
                if (!gp.isEmpty() && (double) hits / gp.size() >= 0.5) {
                    candidates.add(new Candidate((double) hits / gp.size(), g, p));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).thenComparingInt(Candidate::gold)
                .thenComparingInt(Candidate::predicted).reversed());
        Map<Integer, Integer> pairs = new HashMap<>();
        Set<Integer> usedPredicted = new HashSet<>();
        for (Candidate c : candidates) {
            if (!pairs.containsKey(c.gold()) && !usedPredicted.contains(c.predicted())) {
                pairs.put(c.gold(), c.predicted());
                usedPredicted.add(c.predicted());
            }
        }
        return pairs;
    }

    private void compare(JsonNode ga, ParsedArticle pa) {
        check("title", norm(text(ga, "kicker") + text(ga, "headline") + text(ga, "subheadline")),
                norm(nz(pa.kicker()) + nz(pa.headline()) + nz(pa.subheadline())), ga);
        check("bylines", names(ga.get("bylines")), pa.bylines().stream().map(b -> norm(b.name())).collect(Collectors.toSet()), ga);
        check("photographers", names(ga.get("photographers")), pa.photographers().stream().map(GoldScore::norm).collect(Collectors.toSet()), ga);
        if (!text(ga, "deck").isEmpty()) {
            check("deck", norm(text(ga, "deck")), norm(pa.deck()), ga);
        }
        check("kind", ga.get("kind").asString(), pa.kind().jsonName(), ga);
        List<String> gp = goldParagraphs(ga);
        List<String> pp = paragraphs(pa);
        check("body", gp, pp, ga);
        paragraphHits += (int) gp.stream().filter(pp::contains).count();
        List<String> ph = items(pa, BodyItem.HEADING);
        crossheadHits += (int) goldItems(ga, BodyItem.HEADING).stream().filter(ph::contains).count();
    }

    private void check(String field, Object expected, Object actual, JsonNode goldArticle) {
        boolean ok = expected.equals(actual);
        count(field, ok);
        if (!ok) {
            misses.add(field + ": " + goldArticle.path("headline").asString("") + "\n      expected " + shorten(expected)
                    + "\n      parsed   " + shorten(actual));
        }
    }

    private static String shorten(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> shorten(item)).toList().toString();
        }
        String text = String.valueOf(value);
        return text.length() <= 24 ? text : text.substring(0, 12) + "…" + text.substring(text.length() - 8);
    }

    private void count(String field, boolean ok) {
        int[] hitsAndTotal = fields.computeIfAbsent(field, k -> new int[2]);
        hitsAndTotal[0] += ok ? 1 : 0;
        hitsAndTotal[1]++;
    }

    double accuracy(String field) {
        int[] v = fields.get(field);
        return v == null || v[1] == 0 ? 1.0 : (double) v[0] / v[1];
    }

    double articlesF1() {
        double precision = predicted == 0 ? 0 : (double) matched / predicted;
        double recall = (double) matched / gold;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double paragraphs() {
        return (double) paragraphHits / paragraphTotal;
    }

    double crossheads() {
        return crossheadTotal == 0 ? 1.0 : (double) crossheadHits / crossheadTotal;
    }

    /** The scorer's headline figure: the mean of articles F1, titles, bylines, bodies, paragraphs and kinds. */
    double parseScore() {
        return (articlesF1() + accuracy("title") + accuracy("bylines") + accuracy("body") + paragraphs() + accuracy("kind")) / 6;
    }

    @Override
    public String toString() {
        return String.format("parse score %.3f (articles F1 %.3f; titles %.3f; bylines %.3f; bodies %.3f; paragraphs %.3f; kinds %.3f)"
                + "; photographers %.3f, decks %.3f, crossheads %.3f", parseScore(), articlesF1(), accuracy("title"), accuracy("bylines"),
                accuracy("body"), paragraphs(), accuracy("kind"), accuracy("photographers"), accuracy("deck"), crossheads());
    }

    private static List<String> goldParagraphs(JsonNode article) {
        return goldItems(article, BodyItem.PARAGRAPH);
    }

    private static List<String> goldItems(JsonNode article, String type) {
        List<String> out = new ArrayList<>();
        article.get("body").forEach(b -> {
            if (b.path("type").asString(BodyItem.PARAGRAPH).equals(type)) {
                out.add(norm(b.get("text").asString()));
            }
        });
        return out;
    }

    private static List<String> paragraphs(ParsedArticle article) {
        return items(article, BodyItem.PARAGRAPH);
    }

    private static List<String> items(ParsedArticle article, String type) {
        return article.body().stream().filter(b -> b.type().equals(type)).map(b -> norm(b.text())).toList();
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new HashSet<>();
        list.forEach(n -> names.add(norm(n.isString() ? n.asString() : n.path("name").asString())));
        return names;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace('區', '区').strip().replaceFirst("^#+", "");
        return n.replaceAll("\\s+", "");
    }
}
