package cn.hexi.newsroom.enrich.text;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A word list asked whether a text starts or ends with one of its words: a look-up per possible length in a set, not
 * a test of every word in the list, since the finders ask for each token of every article.
 */
public final class Affixes {

    private final Set<String> words;
    private final int shortest;
    private final int longest;
    private final Set<Character> lastCharacters;

    private Affixes(Set<String> words) {
        this.words = words;
        this.lastCharacters = words.stream().filter(w -> !w.isEmpty()).map(w -> w.charAt(w.length() - 1)).collect(Collectors.toUnmodifiableSet());
        this.shortest = words.stream().mapToInt(String::length).min().orElse(1);
        this.longest = words.stream().mapToInt(String::length).max().orElse(0);
    }

    public static Affixes of(Collection<String> words) {
        return new Affixes(Set.copyOf(words));
    }

    public boolean endOf(String text) {
        return longestEndAt(text, text.length()) > 0;
    }

    /**
     * The length of the longest word of the list that the text's first {@code end} characters end with; 0 for none.
     * A text whose character there ends no word of the list costs one look-up.
     */
    public int longestEndAt(String text, int end) {
        if (end == 0 || !lastCharacters.contains(text.charAt(end - 1))) {
            return 0;
        }
        for (int length = Math.min(longest, end); length >= shortest; length--) {
            if (words.contains(text.substring(end - length, end))) {
                return length;
            }
        }
        return 0;
    }

    public boolean startOf(String text) {
        for (int length = shortest; length <= Math.min(longest, text.length()); length++) {
            if (words.contains(text.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(String word) {
        return words.contains(word);
    }
}
