package cn.hexi.newsroom.enrich.text;

import com.hankcs.hanlp.HanLP;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text the analysers read, kept apart from the article's published text: traditional characters made simplified
 * ({@code 河西區} → {@code 河西区}) and ASCII punctuation made full-width. One character in, one out, so a span found in
 * the analysis text is the same span in the published text.
 */
public final class AnalysisText {

    private static final String ASCII = ",;:?!()";
    private static final String FULL_WIDTH = "，；：？！（）";
    private static final Map<Character, Character> SIMPLIFIED = new ConcurrentHashMap<>();

    private AnalysisText() {
    }

    public static String of(String published) {
        char[] chars = published.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            int punct = ASCII.indexOf(c);
            if (punct >= 0) {
                chars[i] = FULL_WIDTH.charAt(punct);
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                chars[i] = SIMPLIFIED.computeIfAbsent(c, AnalysisText::simplified);
            }
        }
        return new String(chars);
    }

    private static char simplified(char c) {
        String converted = HanLP.convertToSimplifiedChinese(String.valueOf(c));
        return converted.length() == 1 ? converted.charAt(0) : c;
    }
}
