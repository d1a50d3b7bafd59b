package cn.hexi.newsroom.enrich.geo;

import cn.hexi.newsroom.enrich.nlp.DictionaryMatcher;
import cn.hexi.newsroom.enrich.text.Affixes;
import cn.hexi.newsroom.gazetteer.Division;
import cn.hexi.newsroom.gazetteer.DivisionLevel;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The home district's communities named without their {@code 社区} suffix ({@code 东海街道桂江里}, {@code 桂江里小区}, {@code 桂江里、
 * 汉江里社区}). A bare name is a common word often enough that it counts only where the context says it is the community:
 * right after its own street's name, before a word of residence ({@code 小区}, {@code 居民}, {@code 楼}…), or in a list
 * with other communities (named in full, or bare beside it: {@code 先进里、四化里}). Names that are also roads
 * ({@code 九江路}) and names two communities share never count bare.
 */
final class BareCommunities {

    private static final List<String> RESIDENCE_WORDS = List.of("小区", "居民", "楼", "片区", "大院", "网格");
    private static final Affixes ROAD_LIKE = Affixes.of(List.of("路", "道", "街", "大街", "大道"));
    private static final String CLAUSE_ENDS = ",，。;；!！?？\n";

    private final Gazetteer gazetteer;
    private final DictionaryMatcher<Division> names;

    BareCommunities(Gazetteer gazetteer, String homeDistrict) {
        this.gazetteer = gazetteer;
        Map<String, Division> byName = new HashMap<>();
        Map<String, Integer> sharing = new HashMap<>();
        for (Division d : gazetteer.divisions()) {
            String bare = d.shortName();
            if (d.level() == DivisionLevel.COMMUNITY && d.code().startsWith(homeDistrict) && bare.length() >= 2 && !ROAD_LIKE.endOf(bare)) {
                byName.put(bare, d);
                sharing.merge(bare, 1, Integer::sum);
            }
        }
        TreeMap<String, Division> dictionary = new TreeMap<>();
        byName.forEach((bare, d) -> {
            if (sharing.get(bare) == 1) {
                dictionary.put(bare, d);
            }
        });
        this.names = new DictionaryMatcher<>(dictionary);
    }

    /** Each bare community name in the text that its context confirms. */
    void matches(String text, DictionaryMatcher.Match<Division> found) {
        List<Bare> bare = new ArrayList<>();
        names.matches(text, (begin, end, community) -> {
            if (!text.startsWith("社区", end)) { // else the full name, which the gazetteer's own forms find
                bare.add(new Bare(begin, end, community));
            }
        });
        bare.sort(Comparator.comparingInt(Bare::begin));
        for (int i = 0; i < bare.size(); i++) {
            Bare b = bare.get(i);
            if (afterItsStreet(text, b.begin(), b.community()) || RESIDENCE_WORDS.stream().anyMatch(w -> text.startsWith(w, b.end()))
                    || listedWithCommunities(text, b.begin(), b.end()) || enumeratedWithAnother(text, bare, i)) {
                found.found(b.begin(), b.end(), b.community());
            }
        }
    }

    /** A bare community name where it occurs in the text. */
    private record Bare(int begin, int end, Division community) {
    }

    /** Next to another bare community name, with an enumeration comma between them ({@code 先进里、四化里}). */
    private static boolean enumeratedWithAnother(String text, List<Bare> bare, int i) {
        Bare b = bare.get(i);
        boolean withNext = i + 1 < bare.size() && bare.get(i + 1).begin() == b.end() + 1 && text.charAt(b.end()) == '、';
        boolean withPrevious = i > 0 && bare.get(i - 1).end() + 1 == b.begin() && text.charAt(b.begin() - 1) == '、';
        return withNext || withPrevious;
    }

    private boolean afterItsStreet(String text, int begin, Division community) {
        Division street = gazetteer.byCode(community.parentCode());
        if (street == null) {
            return false;
        }
        return endsAt(text, begin, street.name()) || endsAt(text, begin, street.shortName() + "街");
    }

    private static boolean endsAt(String text, int at, String name) {
        return at >= name.length() && text.startsWith(name, at - name.length());
    }

    /** Beside an enumeration comma, in a clause that names a community in full. */
    private static boolean listedWithCommunities(String text, int begin, int end) {
        boolean listed = (end < text.length() && text.charAt(end) == '、') || (begin > 0 && text.charAt(begin - 1) == '、');
        if (!listed) {
            return false;
        }
        int from = begin;
        while (from > 0 && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && CLAUSE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to).contains("社区");
    }
}
