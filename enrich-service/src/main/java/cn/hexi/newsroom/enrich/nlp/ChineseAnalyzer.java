package cn.hexi.newsroom.enrich.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * HanLP portable's Viterbi segmenter with place, organisation and person recognition (the perceptron and CRF models
 * are not in the portable jar). Gazetteer names go into HanLP's custom dictionary, so {@code 东海街道} and
 * {@code 挂甲寺街道} stay whole words.
 */
public final class ChineseAnalyzer {

    private final Segment segment;

    public ChineseAnalyzer(Collection<String> placeNames) {
        addWords(placeNames, "ns 1024");
        this.segment = HanLP.newSegment()
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableNameRecognize(true)
                .enableCustomDictionary(true)
                .enableOffset(true);
    }

    /** HanLP's custom dictionary is process-wide; adding a word twice is harmless. */
    private static synchronized void addWords(Collection<String> words, String natureAndFrequency) {
        for (String word : words) {
            CustomDictionary.insert(word, natureAndFrequency);
        }
    }

    public List<Token> tokens(String text) {
        List<Term> terms = segment.seg(text);
        List<Token> tokens = new ArrayList<>(terms.size());
        int cursor = 0;
        for (Term term : terms) {
            // Offsets are recomputed from the text: HanLP's are unreliable after its own normalisation.
            int at = text.indexOf(term.word, cursor);
            if (at < 0) {
                at = cursor;
            }
            tokens.add(new Token(term.word, term.nature == null ? "x" : term.nature.toString(), at));
            cursor = at + term.word.length();
        }
        return tokens;
    }
}
