package cn.hexi.newsroom.enrich.tags;

import cn.hexi.newsroom.enrich.nlp.PosTags;
import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.text.DataFiles;
import cn.hexi.newsroom.events.Enrichment.Keyword;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keywords by TF-IDF: nouns, place and organisation names and verbal nouns of two or more characters, weighted by how
 * rare they are in the archive ({@code enrich/keyword-df.tsv}, learned from past issues by {@code cli.DocumentFrequencies}),
 * less a stoplist of what the paper says everywhere ({@code enrich/keyword-stoplist.txt}).
 */
public final class KeywordExtractor {

    static final int MAX_KEYWORDS = 8;

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;
    private final Set<String> stoplist;

    public KeywordExtractor() {
        List<String> lines = DataFiles.lines("/enrich/keyword-df.tsv");
        int n = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f[0].equals("@documents")) {
                n = Integer.parseInt(f[1]);
            } else {
                documentFrequency.put(f[0], Integer.parseInt(f[1]));
            }
        }
        this.documents = n;
        this.stoplist = Set.copyOf(DataFiles.lines("/enrich/keyword-stoplist.txt"));
    }

    /** Whether a token can be a keyword at all (also what the archive's frequencies count). */
    public boolean candidate(Token token) {
        String word = token.word();
        return word.length() >= 2 && PosTags.KEYWORD_WORDS.contains(token.tag()) && !stoplist.contains(word) && word.codePoints().noneMatch(Character::isDigit);
    }

    public List<Keyword> keywords(List<Token> tokens) {
        Map<String, Long> termFrequency = tokens.stream().filter(this::candidate)
                .collect(Collectors.groupingBy(Token::word, LinkedHashMap::new, Collectors.counting()));
        return termFrequency.entrySet().stream()
                .map(e -> new Keyword(e.getKey(), Math.round(e.getValue() * idf(e.getKey()) * 1000) / 1000.0))
                .sorted(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::term))
                .limit(MAX_KEYWORDS)
                .toList();
    }

    private double idf(String term) {
        return Math.log((documents + 1.0) / (documentFrequency.getOrDefault(term, 0) + 1.0)) + 1.0;
    }
}
