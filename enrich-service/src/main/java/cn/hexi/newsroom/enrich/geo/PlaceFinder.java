package cn.hexi.newsroom.enrich.geo;

import cn.hexi.newsroom.enrich.nlp.DictionaryMatcher;
import cn.hexi.newsroom.enrich.nlp.PosTags;
import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.text.Affixes;
import cn.hexi.newsroom.enrich.text.Coverage;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.gazetteer.Division;
import cn.hexi.newsroom.gazetteer.DivisionLevel;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places an article names. Gazetteer names and their usual short forms are matched through an
 * Aho-Corasick automaton; unknown communities, streets, roads and landmarks are recognised by pattern, by a list of
 * known landmarks and by HanLP's place tags, and kept unresolved rather than guessed. Overlapping candidates resolve
 * longest first, resolved before unresolved; a name several divisions share resolves by hierarchy (a community under a
 * street the article names), then by the home district.
 */
public final class PlaceFinder {

    /**
     * A surface form of a division, and how sure a match on it is. A short form ({@code 福建}, {@code 河西}) counts only as a
     * whole word, not inside another ({@code 幸福建设}).
     */
    private record Form(Division division, double confidence, boolean wholeWordOnly) {
    }

    /** A candidate place in one text of the article. */
    private record Candidate(int text, int start, int end, List<Form> forms, String type, String name, double confidence, boolean known) {
        int length() {
            return end - start;
        }

        boolean resolved() {
            return forms != null;
        }

    }

    private static final Pattern UNKNOWN_COMMUNITY =
            Pattern.compile("[\\p{IsHan}&&[^街区市县镇乡的和与在及、各个该本]]{1,6}?(?:里|园|苑|庄|村|花园|家园|新村|公寓|小区|大厦|城|湾|府|居|邸)社区");
    private static final Pattern UNKNOWN_STREET = Pattern.compile("[\\p{IsHan}&&[^的和与在及、各个该本区市]]{2,4}街道");
    private static final Affixes ROAD_ENDINGS = Affixes.of(List.of("路", "道", "大街", "大道"));
    private static final Map<String, Integer> SPECIFICITY = Map.of("community", 6, "road", 5, "landmark", 5, "street", 4,
            "district", 3, "region", 2, "city", 2, "province", 1, "country", 0);

    private final Gazetteer gazetteer;
    private final String homeDistrict;
    private final DictionaryMatcher<List<Form>> names;
    private final DictionaryMatcher<String> landmarks;
    private final BareCommunities bareCommunities;
    private final Set<String> localNames = new HashSet<>();

    public PlaceFinder(Gazetteer gazetteer, PaperHome home) {
        this.gazetteer = gazetteer;
        this.homeDistrict = home.districtCode();
        String homeProvince = home.provinceCode();
        TreeMap<String, List<Form>> forms = new TreeMap<>();
        Map<String, Integer> countyNames = new HashMap<>();
        gazetteer.divisions().stream().filter(d -> d.level() == DivisionLevel.COUNTY).forEach(d -> countyNames.merge(d.name(), 1, Integer::sum));
        for (Division d : gazetteer.divisions()) {
            if (d.shortName().isBlank()) {
                continue; // statistical placeholders name no place
            }
            switch (d.level()) {
                case PROVINCE, CITY -> {
                    add(forms, d.name(), d, 1.0);
                    // Two-character city short forms are everyday words too (长治久清, 中卫); province short forms are not.
                    int shortest = d.level() == DivisionLevel.PROVINCE ? 2 : 3;
                    if (d.shortNameShared() == 1 && d.shortName().length() >= shortest) {
                        addShort(forms, d.shortName(), d, 0.85);
                    }
                }
                case COUNTY -> {
                    if (countyNames.get(d.name()) == 1) {
                        add(forms, d.name(), d, 0.9);
                    }
                }
                case DISTRICT -> {
                    add(forms, d.name(), d, 1.0);
                    if (d.code().equals(homeDistrict)) {
                        addShort(forms, d.shortName(), d, 0.8); // the paper writes 河西 for its own district
                    }
                }
                case STREET -> {
                    add(forms, d.name(), d, 1.0);
                    if (d.name().endsWith("街道")) {
                        add(forms, d.shortName() + "街", d, 0.9);
                    }
                }
                case COMMUNITY -> {
                    add(forms, d.name(), d, 1.0);
                    add(forms, d.shortName() + "社区", d, 0.95);
                }
            }
        }
        names = new DictionaryMatcher<>(forms);
        forms.forEach((surface, list) -> {
            if (list.stream().anyMatch(f -> f.division().code().startsWith(homeProvince))) {
                localNames.add(surface);
            }
        });
        Map<String, String> known = loadLandmarks();
        landmarks = new DictionaryMatcher<>(new TreeMap<>(known));
        bareCommunities = new BareCommunities(gazetteer, homeDistrict);
        localNames.addAll(known.keySet());
    }

    private static void add(TreeMap<String, List<Form>> forms, String surface, Division division, double confidence) {
        put(forms, surface, new Form(division, confidence, false));
    }

    private static void addShort(TreeMap<String, List<Form>> forms, String surface, Division division, double confidence) {
        put(forms, surface, new Form(division, confidence, true));
    }

    private static void put(TreeMap<String, List<Form>> forms, String surface, Form form) {
        List<Form> list = forms.computeIfAbsent(surface, k -> new ArrayList<>());
        list.removeIf(f -> f.division().code().equals(form.division().code()));
        list.add(form);
    }

    private static Map<String, String> loadLandmarks() {
        Map<String, String> landmarks = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PlaceFinder.class.getResourceAsStream("/gazetteer/hexi-landmarks.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] nameAndType = line.split("\\|");
                    landmarks.put(nameAndType[0].trim(), nameAndType[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return landmarks;
    }

    /** Local names to keep whole when segmenting (HanLP's custom dictionary). */
    public Set<String> localNames() {
        return localNames;
    }

    /** The places named in an article's analysed texts; mentions quote the published text. */
    public List<Place> find(List<TextUnit> units) {
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < units.size(); t++) {
            collect(t, units.get(t).analysis(), units.get(t).tokens(), candidates);
        }
        List<Candidate> chosen = choose(candidates);
        Set<String> namedCodes = new HashSet<>();
        chosen.stream().filter(c -> c.resolved() && c.forms().size() == 1).forEach(c -> namedCodes.add(c.forms().get(0).division().code()));

        Map<String, PlaceBuilder> places = new LinkedHashMap<>();
        for (Candidate c : chosen) {
            TextUnit unit = units.get(c.text());
            Mention mention = new Mention(unit.index(), c.start(), c.end(), unit.published().substring(c.start(), c.end()));
            if (c.resolved()) {
                Form form = pick(c.forms(), namedCodes);
                Division d = form.division();
                places.computeIfAbsent(d.code(), k -> new PlaceBuilder(d.displayName(), d.placeType(), d)).add(mention, form.confidence());
            } else {
                places.computeIfAbsent(c.type() + ":" + c.name(), k -> new PlaceBuilder(c.name(), c.type(), null)).add(mention, c.confidence());
            }
        }
        List<Place> found = places.values().stream().map(this::place).toList();
        return withFocus(found);
    }

    private void collect(int t, String text, List<Token> tokens, List<Candidate> out) {
        Set<Integer> wordStarts = new HashSet<>();
        Set<Integer> wordEnds = new HashSet<>();
        tokens.forEach(token -> {
            wordStarts.add(token.start());
            wordEnds.add(token.end());
        });
        names.matches(text, (begin, end, forms) -> {
            boolean wholeWord = wordStarts.contains(begin) && wordEnds.contains(end);
            List<Form> usable = forms.stream().filter(f -> wholeWord || !f.wholeWordOnly()).toList();
            if (!usable.isEmpty()) {
                out.add(new Candidate(t, begin, end, usable, null, null, usable.stream().mapToDouble(Form::confidence).max().orElse(1.0), true));
            }
        });
        landmarks.matches(text, (begin, end, type) -> out.add(new Candidate(t, begin, end, null, type, text.substring(begin, end), 0.8, true)));
        bareCommunities.matches(text, (begin, end, community) ->
                out.add(new Candidate(t, begin, end, List.of(new Form(community, 0.8, false)), null, null, 0.8, true)));
        out.addAll(guesses(UNKNOWN_COMMUNITY, "社区", text, tokens, t, "community", 0.6));
        for (Candidate street : guesses(UNKNOWN_STREET, "街道", text, tokens, t, "street", 0.5)) {
            // An unknown street needs a name, not a common noun (部门街道): its name must be a place, proper noun or abbreviation.
            if (Token.within(tokens, street.start(), street.end() - 2).stream().filter(k -> k.start() >= street.start() && k.end() <= street.end() - 2)
                    .allMatch(k -> k.taggedAny(PosTags.PROPER_NAME))) {
                out.add(street);
            }
        }
        for (Token token : tokens) {
            if (token.tagged(PosTags.PLACE) && token.word().length() >= 3 && !token.word().endsWith("街道")
                    && ROAD_ENDINGS.endOf(token.word()) && token.word().codePoints().noneMatch(Character::isDigit)) {
                out.add(new Candidate(t, token.start(), token.end(), null, "road", token.word(), 0.6, false));
            }
        }
    }

    /**
     * Pattern matches, at every start that still matches (the overlap resolution keeps the one that begins where a known
     * place ends); a name made of verbs, prepositions, conjunctions or numbers ({@code 联合街道}, {@code 根据街道}) is no place.
     */
    private static List<Candidate> guesses(Pattern pattern, String anchor, String text, List<Token> tokens, int t, String type, double confidence) {
        List<Candidate> out = new ArrayList<>();
        // Only the few characters before each anchor ("社区", "街道") can be a name: look there, not along the whole text.
        for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + anchor.length())) {
            int end = at + anchor.length();
            for (int start = Math.max(0, at - 8); start < at - 1; start++) {
                Matcher m = pattern.matcher(text).region(start, end);
                if (m.matches() && nameLike(tokens, start, end)) {
                    out.add(new Candidate(t, start, end, null, type, text.substring(start, end), confidence, false));
                }
            }
        }
        return out;
    }

    private static boolean nameLike(List<Token> tokens, int start, int end) {
        for (Token token : Token.within(tokens, start, end)) {
            if (token.taggedAny(PosTags.NOT_IN_A_NAME)) {
                return false;
            }
        }
        return true;
    }

    /** Known names (gazetteer, landmark list) first, longest first; then pattern guesses where no known name stands. */
    private static List<Candidate> choose(List<Candidate> candidates) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing((Candidate c) -> !c.known()).thenComparing(Candidate::length, Comparator.reverseOrder())
                .thenComparingInt(Candidate::text).thenComparingInt(Candidate::start));
        List<Candidate> chosen = new ArrayList<>();
        Coverage taken = new Coverage();
        for (Candidate c : ordered) {
            if (!taken.overlaps(c.text(), c.start(), c.end())) {
                chosen.add(c);
                taken.claim(c.text(), c.start(), c.end());
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::text).thenComparingInt(Candidate::start));
        return chosen;
    }

    private Form pick(List<Form> forms, Set<String> namedCodes) {
        if (forms.size() == 1) {
            return forms.get(0);
        }
        for (Form f : forms) {
            if (namedCodes.contains(f.division().parentCode())) {
                return f;
            }
        }
        for (Form f : forms) {
            if (f.division().code().startsWith(homeDistrict)) {
                return f;
            }
        }
        return forms.stream().max(Comparator.comparingDouble(Form::confidence)).orElseThrow();
    }

    private final class PlaceBuilder {
        final String name;
        final String type;
        final Division division;
        final List<Mention> mentions = new ArrayList<>();
        double confidence;

        PlaceBuilder(String name, String type, Division division) {
            this.name = name;
            this.type = type;
            this.division = division;
        }

        PlaceBuilder add(Mention mention, double confidence) {
            mentions.add(mention);
            this.confidence = Math.max(this.confidence, confidence);
            return this;
        }
    }

    private Place place(PlaceBuilder b) {
        if (b.division == null) {
            return new Place(b.name, b.type, null, List.of(), null, b.confidence, b.mentions, false);
        }
        return gazetteer.asPlace(b.division, b.name, b.confidence, b.mentions);
    }

    /** The focus: the most specific place, named most often, headline mentions counting double. */
    private static List<Place> withFocus(List<Place> places) {
        Place focus = places.stream().max(Comparator.comparingDouble(PlaceFinder::focusScore)).orElse(null);
        return places.stream().map(p -> p == focus ? p.withFocus(true) : p).toList();
    }

    private static double focusScore(Place p) {
        long headline = p.mentions().stream().filter(m -> m.bodyIndex() < 0).count();
        return SPECIFICITY.getOrDefault(p.type(), 0) + p.mentions().size() + 2.0 * headline + (p.code() == null ? -1 : 0);
    }
}
