package cn.hexi.newsroom.enrich.nlp;

import java.util.List;

/** A word of the analysis text with HanLP's part-of-speech tag and its offset. */
public record Token(String word, String tag, int start) {

    public int end() {
        return start + word.length();
    }

    public boolean tagged(String prefix) {
        return tag.startsWith(prefix);
    }

    /** Tagged with any of these prefixes ({@link PosTags}' lists). */
    public boolean taggedAny(List<String> prefixes) {
        for (String prefix : prefixes) {
            if (tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens overlapping [start, end) of a text's tokens (in offset order), found by binary search. */
    public static List<Token> within(List<Token> tokens, int start, int end) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).end() <= start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int last = low;
        while (last < tokens.size() && tokens.get(last).start() < end) {
            last++;
        }
        return tokens.subList(low, last);
    }
}
