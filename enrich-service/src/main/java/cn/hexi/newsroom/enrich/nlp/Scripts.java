package cn.hexi.newsroom.enrich.nlp;

import com.hankcs.hanlp.HanLP;

/** Chinese script conversion (HanLP's tables). */
public final class Scripts {

    private Scripts() {
    }

    /** The simplified form of traditional text; simplified text is returned as it is. */
    public static String toSimplified(String text) {
        return HanLP.convertToSimplifiedChinese(text);
    }
}
