package cn.hexi.newsroom.enrich.entities;

import cn.hexi.newsroom.enrich.nlp.PosTags;
import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.text.Affixes;
import cn.hexi.newsroom.enrich.text.Coverage;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.Enrichment.Organisation;
import cn.hexi.newsroom.events.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organisations by suffix rules ({@code 局}, {@code 委}, {@code 办}, {@code 院}, {@code 学校}, {@code 公司}, {@code 中心},
 * {@code 支队}…, see {@code enrich/organisation-suffixes.txt}): a name is the run of name-like words ending in a word with
 * such an ending. Counts ({@code 400余场}), places ({@code …社区}, {@code …街道}) and generic phrases ({@code 各部门}) are not
 * organisations; a name inside a longer one is the longer one's.
 */
public final class OrganisationFinder {

    static final int MAX_LENGTH = 25;
    private static final Affixes GENERIC_STARTS = Affixes.of(List.of("各", "相关", "有关", "该", "本", "其", "原", "多家", "多个", "全区", "全市", "组织", "进"));

    public List<Organisation> find(List<TextUnit> units, Coverage places) {
        Map<String, List<Mention>> found = new LinkedHashMap<>();
        for (TextUnit unit : units) {
            List<int[]> spans = new ArrayList<>();
            List<Token> tokens = unit.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (!endsInSuffix(tokens.get(i).word())) {
                    continue;
                }
                int first = i;
                while (first - 1 >= 0 && PosTags.ORGANISATION_NAME_WORDS.contains(tokens.get(first - 1).tag())
                        && tokens.get(first - 1).end() == tokens.get(first).start()
                        && tokens.get(i).end() - tokens.get(first - 1).start() <= MAX_LENGTH) {
                    first--;
                }
                while (first < i && tokens.get(first).taggedAny(PosTags.NOT_AT_A_NAME_START)) {
                    first++; // a name does not begin with a verb or a function word (推进中心城区, 会同区城管委)
                }
                int start = tokens.get(first).start();
                int end = tokens.get(i).end();
                String name = unit.analysis().substring(start, end);
                if (acceptable(name) && !places.covers(unit.index(), start, end)) {
                    spans.add(new int[] {start, end});
                }
            }
            for (String known : EntityWords.KNOWN_ORGANISATIONS) {
                for (int at = unit.analysis().indexOf(known); at >= 0; at = unit.analysis().indexOf(known, at + known.length())) {
                    spans.add(new int[] {at, at + known.length()});
                }
            }
            for (int[] span : spans) {
                boolean inside = spans.stream().anyMatch(o -> o != span && o[0] <= span[0] && o[1] >= span[1] && (o[1] - o[0]) > (span[1] - span[0]));
                if (!inside) {
                    String published = unit.published().substring(span[0], span[1]);
                    found.computeIfAbsent(unit.analysis().substring(span[0], span[1]), k -> new ArrayList<>())
                            .add(new Mention(unit.index(), span[0], span[1], published));
                }
            }
        }
        List<Organisation> organisations = new ArrayList<>();
        found.forEach((name, mentions) -> organisations.add(new Organisation(name, mentions)));
        return organisations;
    }

    private static boolean endsInSuffix(String word) {
        return EntityWords.ORGANISATION_SUFFIXES.endOf(word);
    }

    private static boolean acceptable(String name) {
        return name.length() >= 2
                && !EntityWords.ORGANISATION_SUFFIXES.contains(name)
                && !EntityWords.FALSE_ORGANISATION_ENDINGS.endOf(name)
                && !EntityWords.GENERIC_ORGANISATIONS.contains(name)
                && name.codePoints().noneMatch(Character::isDigit)
                && !name.endsWith("社区") && !name.endsWith("街道")
                && !GENERIC_STARTS.startOf(name);
    }
}
