package cn.hexi.newsroom.enrich.nlp;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.TreeMap;

/**
 * Every occurrence of a dictionary's words in a text, in one pass (HanLP's Aho-Corasick double-array trie), each with
 * the value the dictionary gives its word.
 */
public final class DictionaryMatcher<V> {

    /** One occurrence: characters {@code begin} (inclusive) to {@code end} (exclusive) are a word whose value is {@code value}. */
    @FunctionalInterface
    public interface Match<V> {
        void found(int begin, int end, V value);
    }

    private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();

    public DictionaryMatcher(TreeMap<String, V> dictionary) {
        trie.build(dictionary);
    }

    public void matches(String text, Match<V> match) {
        trie.parseText(text, match::found);
    }
}
