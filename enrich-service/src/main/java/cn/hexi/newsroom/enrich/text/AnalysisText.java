package cn.hexi.newsroom.enrich.text;

import cn.hexi.newsroom.enrich.nlp.Scripts;

/**
 * The text the analysers read, kept apart from the article's published text: traditional characters made simplified
 * ({@code 河西區} → {@code 河西区}) and ASCII punctuation made full-width. One character in, one out, so a span found in
 * the analysis text is the same span in the published text.
 */
public final class AnalysisText {

    private static final String ASCII = ",;:?!()";
    private static final String FULL_WIDTH = "，；：？！（）";
    /**
     * Each UTF-16 unit's analysis form, filled in as units are first seen (0: not yet). Filling it twice from two
     * threads writes the same value, so no lock is needed.
     */
    private static final char[] ANALYSIS_FORM = new char[Character.MAX_VALUE + 1];

    private AnalysisText() {
    }

    public static String of(String published) {
        char[] chars = published.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            char form = ANALYSIS_FORM[c];
            if (form == 0) {
                form = analysisForm(c);
                ANALYSIS_FORM[c] = form;
            }
            chars[i] = form;
        }
        return new String(chars);
    }

    private static char analysisForm(char c) {
        int punct = ASCII.indexOf(c);
        if (punct >= 0) {
            return FULL_WIDTH.charAt(punct);
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? simplified(c) : c;
    }

    private static char simplified(char c) {
        String converted = Scripts.toSimplified(String.valueOf(c));
        return converted.length() == 1 ? converted.charAt(0) : c;
    }
}
