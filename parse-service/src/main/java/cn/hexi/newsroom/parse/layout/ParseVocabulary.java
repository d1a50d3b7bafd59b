package cn.hexi.newsroom.parse.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** The parser's marker words and known banners, loaded from {@code vocabulary.properties}. */
public record ParseVocabulary(
        Map<String, String> bylineRoles,
        Set<String> bylineBullets,
        String creditSuffix,
        Set<String> noteMarkers,
        Set<String> sectionBanners,
        Set<String> pageSlogans,
        Set<String> continuationStarts,
        Set<String> continuationEnds) {

    public static ParseVocabulary standard() {
        try (InputStream in = ParseVocabulary.class.getResourceAsStream("vocabulary.properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> roles = new LinkedHashMap<>();
            for (String entry : list(p, "byline.roles")) {
                String[] wordAndRole = entry.split(":");
                roles.put(wordAndRole[0], wordAndRole[1]);
            }
            return new ParseVocabulary(roles, Set.copyOf(list(p, "byline.bullets")), p.getProperty("credit.suffix").trim(),
                    Set.copyOf(list(p, "note.markers")), normalised(list(p, "section.banners")), normalised(list(p, "page.slogans")),
                    Set.copyOf(list(p, "continuation.starts")), Set.copyOf(list(p, "continuation.ends")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Banners and slogans are compared without white space, as layouts vary their spacing. */
    public static String compact(String text) {
        return text.replaceAll("[\\s\u3000]+", "");
    }

    public boolean isSectionBanner(String line) {
        return sectionBanners.contains(compact(line));
    }

    /** Whether a paragraph starting this way continues a sentence begun elsewhere. */
    public boolean startsMidSentence(String paragraph) {
        return !paragraph.isEmpty() && continuationStarts.contains(paragraph.substring(0, 1));
    }

    /** Whether a line ending this way stops in the middle of a phrase, as no title does. */
    public boolean endsMidPhrase(String line) {
        return !line.isEmpty() && continuationEnds.contains(line.substring(line.length() - 1));
    }

    public boolean isPageSlogan(String line) {
        return pageSlogans.contains(compact(line));
    }

    private static Set<String> normalised(List<String> lines) {
        return lines.stream().map(ParseVocabulary::compact).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key, "").split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
