package cn.hexi.newsroom.enrich.summary;

import com.hankcs.hanlp.summary.TextRankSentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-sentence extractive summary: the lead sentence, then the most central other sentence by TextRank (sentences
 * are cut at {@code 。！？} only, not at commas).
 */
public final class Summariser {

    /** TextRank compares every pair of sentences; long articles are ranked on their opening sentences. */
    static final int MAX_RANKED_SENTENCES = 60;
    private static final Pattern SENTENCE = Pattern.compile("[^。！？!?]+[。！？!?]?[”’」』]?");

    public String summarise(List<String> paragraphs) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : paragraphs) {
            Matcher m = SENTENCE.matcher(paragraph);
            while (m.find() && sentences.size() < MAX_RANKED_SENTENCES) {
                String sentence = m.group().strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        String lead = sentences.get(0);
        if (sentences.size() == 1) {
            return lead;
        }
        List<String> ranked = TextRankSentence.getTopSentenceList(String.join("", sentences), 3, "[。！？!?]");
        for (String candidate : ranked) {
            String best = sentences.stream().filter(s -> s.startsWith(candidate)).findFirst().orElse(null);
            // A sentence cut off by the end of the page is no summary.
            if (best != null && !best.equals(lead) && best.matches(".*[。！？!?][”’」』]?$")) {
                return lead + best;
            }
        }
        return lead;
    }
}
