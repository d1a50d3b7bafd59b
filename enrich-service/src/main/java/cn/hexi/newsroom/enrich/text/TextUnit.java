package cn.hexi.newsroom.enrich.text;

import cn.hexi.newsroom.enrich.nlp.Token;
import java.util.List;

/**
 * One analysed text of an article: its body item index (-1 for the title), the published text, the analysis text
 * (same length, same offsets) and its tokens.
 */
public record TextUnit(int index, String published, String analysis, List<Token> tokens) {
}
