package cn.hexi.newsroom.enrich.entities;

import cn.hexi.newsroom.enrich.nlp.PosTags;
import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.text.Coverage;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.Enrichment.Person;
import cn.hexi.newsroom.events.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People: HanLP's person tags, kept only when the name starts with a common surname, is not a count ({@code 200余人})
 * and is not part of a place ({@code 万象城}); a surname HanLP split off ({@code 王/洪成}) is joined back. The role is the
 * run of noun-like words ending in a job title right before the name ({@code 市委书记陈敏尔}, {@code 天津大学教授王洪成}).
 * The article's reporters and photographers come from its credits.
 */
public final class PeopleFinder {

    private static final class Found {
        String role;
        final List<Mention> mentions = new ArrayList<>();
    }

    public List<Person> find(List<TextUnit> units, List<Byline> bylines, List<String> photographers, Coverage places) {
        Map<String, Found> people = new LinkedHashMap<>();
        for (TextUnit unit : units) {
            List<Token> tokens = unit.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                int start = token.start();
                String name = null;
                int roleEnd = i;
                if (token.tagged(PosTags.PERSON) && !token.tagged(PosTags.TRANSLITERATED_PERSON) && token.word().length() >= 2 && token.word().length() <= 4) {
                    name = token.word();
                } else if (EntityWords.SURNAMES.contains(token.word()) && i + 1 < tokens.size() && tokens.get(i + 1).tagged(PosTags.PERSON)
                        && tokens.get(i + 1).word().length() <= 2 && tokens.get(i + 1).start() == token.end()) {
                    name = token.word() + tokens.get(i + 1).word();
                    i++;
                }
                if (name == null || !plausible(name, unit.analysis(), start) || places.overlaps(unit.index(), start, start + name.length())) {
                    continue;
                }
                String role = role(tokens, roleEnd);
                // Two-character names are where HanLP errs most (管服, 全街): they need a stated role or a speech verb.
                if (name.length() == 2 && role == null && !followedBySpeech(unit.analysis(), start + name.length())) {
                    continue;
                }
                Found found = people.computeIfAbsent(name, k -> new Found());
                found.mentions.add(new Mention(unit.index(), start, start + name.length(), unit.published().substring(start, start + name.length())));
                if (found.role == null) {
                    found.role = role;
                }
            }
        }
        List<Person> result = new ArrayList<>();
        people.forEach((name, found) -> result.add(new Person(name, found.role, found.mentions)));
        for (Byline byline : bylines) {
            if (!people.containsKey(byline.name())) {
                result.add(new Person(byline.name(), "reporter", List.of()));
            }
        }
        for (String photographer : photographers) {
            if (!people.containsKey(photographer)) {
                result.add(new Person(photographer, "photographer", List.of()));
            }
        }
        return result;
    }

    private static boolean plausible(String name, String text, int start) {
        int surnameLength = EntityWords.SURNAMES.contains(name.substring(0, 1)) ? 1
                : name.length() > 2 && EntityWords.SURNAMES.contains(name.substring(0, 2)) ? 2 : 0;
        if (surnameLength == 0 || !name.codePoints().allMatch(Character::isIdeographic)) {
            return false;
        }
        boolean afterCount = start > 0 && (Character.isDigit(text.charAt(start - 1)) || "余多几十百千万".indexOf(text.charAt(start - 1)) >= 0);
        boolean givenNameClean = name.substring(surnameLength).codePoints()
                .noneMatch(c -> EntityWords.NAME_STOP_CHARACTERS.contains(new String(Character.toChars(c))));
        return !afterCount && givenNameClean;
    }

    private static boolean followedBySpeech(String text, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 2));
        return EntityWords.SPEECH.startOf(after) || after.startsWith("、") || after.startsWith("（");
    }

    /** The noun-like words right before the name, when they end in a job title. */
    private static String role(List<Token> tokens, int nameIndex) {
        int j = nameIndex - 1;
        if (j < 0 || !isTitle(tokens.get(j))) {
            return null;
        }
        int first = j;
        while (first - 1 >= 0 && PosTags.ROLE_WORDS.contains(tokens.get(first - 1).tag()) && tokens.get(first - 1).end() == tokens.get(first).start()
                && nameIndex - first < 5) {
            first--;
        }
        StringBuilder role = new StringBuilder();
        for (int k = first; k <= j; k++) {
            role.append(tokens.get(k).word());
        }
        return role.toString();
    }

    private static boolean isTitle(Token token) {
        return EntityWords.TITLES.endOf(token.word());
    }
}
