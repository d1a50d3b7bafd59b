package cn.hexi.newsroom.enrich.summary;

import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.text.TextUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A two-sentence extractive summary: the lead sentence, then the most central other complete sentence by TextRank
 * (Mihalcea and Tarau: sentences are nodes, edges weigh the words two sentences share, normalised by their lengths;
 * ranks by PageRank). Sentences end at {@code 。！？} only, never at commas. Runs on the tokens the article was analysed
 * into, so nothing is segmented twice.
 */
public final class Summariser {

    /** TextRank compares every pair of sentences; long articles are ranked on their opening sentences. */
    static final int MAX_RANKED_SENTENCES = 60;
    static final double DAMPING = 0.85;
    static final int ITERATIONS = 30;

    private record Sentence(String text, Set<String> words, boolean complete) {
    }

    /** @param paragraphs the analysed paragraphs of the article, in order */
    public String summarise(List<TextUnit> paragraphs) {
        List<Sentence> sentences = sentences(paragraphs);
        if (sentences.isEmpty()) {
            return null;
        }
        String lead = sentences.get(0).text();
        int best = -1;
        double[] rank = rank(sentences);
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).complete() && !sentences.get(i).text().equals(lead) && (best < 0 || rank[i] > rank[best])) {
                best = i;
            }
        }
        return best < 0 ? lead : lead + sentences.get(best).text();
    }

    private static List<Sentence> sentences(List<TextUnit> paragraphs) {
        List<Sentence> sentences = new ArrayList<>();
        for (TextUnit paragraph : paragraphs) {
            int start = 0;
            Set<String> words = new HashSet<>();
            for (Token token : paragraph.tokens()) {
                if (token.word().length() > 1 || Character.isLetterOrDigit(token.word().charAt(0))) {
                    words.add(token.word());
                }
                if ("。！？!?".contains(token.word())) {
                    int end = closingQuoteEnd(paragraph.published(), token.end());
                    sentences.add(new Sentence(paragraph.published().substring(start, end).strip(), words, true));
                    start = end;
                    words = new HashSet<>();
                }
                if (sentences.size() == MAX_RANKED_SENTENCES) {
                    return sentences;
                }
            }
            if (start < paragraph.published().length() && !paragraph.published().substring(start).isBlank()) {
                sentences.add(new Sentence(paragraph.published().substring(start).strip(), words, false));
            }
        }
        return sentences;
    }

    private static int closingQuoteEnd(String text, int end) {
        while (end < text.length() && "”’」』".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    private static double[] rank(List<Sentence> sentences) {
        int n = sentences.size();
        double[][] weight = new double[n][n];
        double[] outSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Set<String> a = sentences.get(i).words();
                Set<String> b = sentences.get(j).words();
                if (a.size() < 2 || b.size() < 2) {
                    continue;
                }
                long shared = a.stream().filter(b::contains).count();
                double w = shared / (Math.log(a.size()) + Math.log(b.size()));
                weight[i][j] = w;
                weight[j][i] = w;
                outSum[i] += w;
                outSum[j] += w;
            }
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (weight[j][i] > 0) {
                        sum += weight[j][i] / outSum[j] * rank[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            rank = next;
        }
        return rank;
    }
}
