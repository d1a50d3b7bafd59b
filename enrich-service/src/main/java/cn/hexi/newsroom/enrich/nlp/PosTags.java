package cn.hexi.newsroom.enrich.nlp;

import java.util.List;
import java.util.Set;

/**
 * HanLP's part-of-speech tags (the PKU set with HanLP's extensions) as the finders read them, named here once. Sets
 * hold whole tags; prefix lists match a tag and its subtypes ({@code ns} matches {@code nsf}).
 */
public final class PosTags {

    /** Place names. */
    public static final String PLACE = "ns";
    /** Person names. */
    public static final String PERSON = "nr";
    /** Transliterated foreign person names, which HanLP also finds in Chinese words ({@code 安娜}): not taken as people. */
    public static final String TRANSLITERATED_PERSON = "nrf";

    /** What a proper name is made of: place names, other proper nouns, person names and abbreviations. */
    public static final List<String> PROPER_NAME = List.of("ns", "nz", "nr", "j");
    /** Verbs and function words (prepositions, conjunctions, adverbs, pronouns, numerals, measure words, particles): never in a name. */
    public static final List<String> NOT_IN_A_NAME = List.of("v", "p", "c", "d", "r", "m", "q", "u");
    /** Verbs and the function words a name does not begin with ({@code 推进中心城区}, {@code 会同区城管委}). */
    public static final List<String> NOT_AT_A_NAME_START = List.of("v", "p", "c", "d", "r", "u");

    /** Words an organisation's name is made of: nouns of every kind HanLP tells, abbreviations, nominal verbs, attributives. */
    public static final Set<String> ORGANISATION_NAME_WORDS = Set.of("n", "nz", "ns", "nt", "nis", "nit", "nto", "ntc", "ntu", "nts", "nth",
            "nnt", "j", "vn", "b", "ng", "nrf", "gi", "gm", "nf", "nh", "nic", "nmc");
    /** Words a person's title or role before the name is made of ({@code 区委书记}, {@code 社区党委副书记}). */
    public static final Set<String> ROLE_WORDS = Set.of("n", "nz", "ns", "nt", "nis", "nnt", "nnd", "j", "vn", "b", "ng", "nit");
    /** Words that may be keywords: nouns, proper nouns, nominal verbs and HanLP's domain terms. */
    public static final Set<String> KEYWORD_WORDS = Set.of("n", "nz", "ns", "nt", "vn", "nnt", "nis", "gi", "gm", "nf");

    private PosTags() {
    }
}
