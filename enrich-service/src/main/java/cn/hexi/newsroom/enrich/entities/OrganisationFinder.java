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
    /** Characters of a company's brand before its bracketed place ({@code 环渤海金岸（天津）}). */
    private static final int BRAND_LENGTH = 6;
    private static final Affixes COMPANY_SUFFIXES = Affixes.of(List.of("公司", "集团", "银行"));
    private static final String HAN_NUMERALS = "第一二三四五六七八九十百";
    private static final Affixes ADMINISTRATIVE = Affixes.of(List.of("区", "市", "县", "省"));
    /** Words that introduce a name in apposition ({@code 共建单位众福…}); never a name's own first words. */
    private static final List<String> APPOSITION_HEADS = List.of("共建单位", "成员单位", "驻区单位", "辖区单位", "共建企业", "辖区企业");
    /** Characters of brand between a company's place and the part HanLP recognised ({@code 北京|智谱|华章科技有限公司}). */
    private static final int BRAND_AFTER_PLACE = 4;
    private static final List<String> VERB_OR_COINED = List.of("v", "nz");
    private static final List<String> BREAKS_BEFORE_A_COMPANY = List.of("p", "c", "d", "r", "u", "w");
    private static final Affixes GENERIC_STARTS = Affixes.of(List.of("各", "相关", "有关", "该", "本", "其", "原", "多家", "多个", "全区", "全市", "组织", "进",
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"));

    public List<Organisation> find(List<TextUnit> units, Coverage places) {
        Map<String, List<Mention>> found = new LinkedHashMap<>();
        for (TextUnit unit : units) {
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < unit.tokens().size(); i++) {
                int[] span = candidate(unit, i);
                if (span != null && acceptable(unit.analysis().substring(span[0], span[1])) && !places.covers(unit.index(), span[0], span[1])) {
                    spans.add(span);
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

    /**
     * The name ending with token {@code i}, as [start, end) of the analysis text, when the text there ends in an
     * organisation suffix (which may begin in an earlier word: {@code 老|兵营}); null otherwise.
     */
    private static int[] candidate(TextUnit unit, int i) {
        List<Token> tokens = unit.tokens();
        int end = tokens.get(i).end();
        int suffix = EntityWords.ORGANISATION_SUFFIXES.longestEndAt(unit.analysis(), end);
        Token token = tokens.get(i);
        if (suffix == 0 && token.tag().equals("nt") && token.word().length() >= 3 && token.word().endsWith("部")) {
            suffix = 1; // a ministry HanLP recognised (教育部); 部 alone ends too many words (干部, 全部) to be a suffix
        }
        if (suffix == 0) {
            return null;
        }
        int last = i;
        while (last > 0 && tokens.get(last).start() > end - suffix) {
            last--;
        }
        int first = last;
        while (first - 1 >= 0 && nameWord(tokens.get(first - 1))
                && tokens.get(first - 1).end() == tokens.get(first).start()
                && end - tokens.get(first - 1).start() <= MAX_LENGTH) {
            first--;
        }
        while (first < last && (tokens.get(first).taggedAny(PosTags.NOT_AT_A_NAME_START) || numeral(tokens.get(first)))) {
            first++; // a name does not begin with a verb, a function word or a number (推进中心城区, 会同区城管委, 一中心)
        }
        if (endsInsideBeforeAVerb(tokens, first, last)) {
            return null;
        }
        int start = afterApposition(unit.analysis(), tokens.get(first).start(), end);
        boolean company = COMPANY_SUFFIXES.longestEndAt(unit.analysis(), end) > 0;
        return new int[] {company ? companyStart(unit, first, start) : start, end};
    }

    /** A name after an apposition ({@code 辖区共建单位|天津移动城区一分公司}) starts after it. */
    private static int afterApposition(String text, int start, int end) {
        String name = text.substring(start, end);
        int after = start;
        for (String head : APPOSITION_HEADS) {
            int at = name.lastIndexOf(head);
            if (at >= 0 && at + head.length() < name.length() - 1) {
                after = Math.max(after, start + at + head.length());
            }
        }
        return after;
    }

    /**
     * A word an organisation's name is made of, ordinals included ({@code 第|四|巡回督导组}); HanLP takes the abbreviated
     * names of a district's or city's bureaus for people's names ({@code 区文旅|局}), which no person's name starts like.
     */
    private static boolean nameWord(Token token) {
        return PosTags.ORGANISATION_NAME_WORDS.contains(token.tag()) || (token.tag().equals("nr") && ADMINISTRATIVE.startOf(token.word()))
                || numeral(token);
    }

    private static boolean numeral(Token token) {
        return token.tagged("m") && token.word().codePoints().allMatch(c -> HAN_NUMERALS.indexOf(c) >= 0);
    }

    /**
     * An organisation HanLP recognised, followed by a verb or a coined word, inside the run ({@code 区总工会|联动|医院},
     * {@code 教育部|新时代|中小学}): the run is that organisation doing something, not a longer name. A verb that ends
     * like an organisation is one more ({@code 区纪委|监委}).
     */
    private static boolean endsInsideBeforeAVerb(List<Token> tokens, int first, int last) {
        for (int k = first; k < last; k++) {
            Token next = tokens.get(k + 1);
            if (tokens.get(k).tag().equals("nt") && next.taggedAny(VERB_OR_COINED) && !EntityWords.ORGANISATION_SUFFIXES.endOf(next.word())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A company's name starts with its place and brand, which HanLP often cuts off ({@code 天津|引|元信息科技有限公司}): a
     * bracketed place goes with the brand before it ({@code 众福（天津）…}, after an apposition such as {@code 共建单位}),
     * and a place name with at most four characters of brand between it and the name, and no break, starts it.
     */
    private static int companyStart(TextUnit unit, int first, int start) {
        String text = unit.analysis();
        int close = text.indexOf('）', start);
        int open = text.lastIndexOf('（', start);
        if (close >= 0 && open >= 0 && open < start && text.indexOf('）', open) == close) {
            int brand = open;
            while (brand > 0 && open - brand < BRAND_LENGTH && Character.isIdeographic(text.charAt(brand - 1))) {
                brand--;
            }
            brand = afterApposition(text, brand, open);
            return brand < open ? brand : start;
        }
        List<Token> tokens = unit.tokens();
        for (int k = first - 1; k >= 0 && start - tokens.get(k).end() <= BRAND_AFTER_PLACE; k--) {
            Token token = tokens.get(k);
            if (token.taggedAny(BREAKS_BEFORE_A_COMPANY)) {
                break; // the name begins after a preposition, a conjunction or punctuation (not after a verb: 天津|引|元…)
            }
            if (token.tagged("ns")) {
                return token.start();
            }
        }
        return start;
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
