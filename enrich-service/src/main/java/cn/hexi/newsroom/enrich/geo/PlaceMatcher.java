package cn.hexi.newsroom.enrich.geo;

import cn.hexi.newsroom.events.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gazetteer divisions named in text, longest name first, through a character trie: full names
 * ({@code 东海街道}, {@code 河西区}, {@code 桂江里社区居委会}) and their usual short forms ({@code 东海街},
 * {@code 桂江里社区}). Where two divisions share a surface form, the one inside the home district wins.
 */
public final class PlaceMatcher {

    /** A surface form that names a division, and how sure a match on it is. */
    private record Form(Division division, double confidence) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Form form;
    }

    private final Gazetteer gazetteer;
    private final String homeDistrictCode;
    private final Node root = new Node();

    public PlaceMatcher(Gazetteer gazetteer, String homeDistrictCode) {
        this.gazetteer = gazetteer;
        this.homeDistrictCode = homeDistrictCode;
        for (Division d : gazetteer.divisions()) {
            if (d.shortName().isBlank()) {
                continue;
            }
            switch (d.level()) {
                case "district" -> add(d.name(), d, 1.0);
                case "street" -> {
                    add(d.name(), d, 1.0);
                    if (d.name().endsWith("街道")) {
                        add(d.shortName() + "街", d, 0.9);
                    }
                }
                case "community" -> {
                    add(d.name(), d, 1.0);
                    add(d.shortName() + "社区", d, 0.95);
                }
                default -> add(d.name(), d, 1.0);
            }
        }
    }

    private void add(String surface, Division division, double confidence) {
        Node node = root;
        for (char c : surface.toCharArray()) {
            node = node.next.computeIfAbsent(c, k -> new Node());
        }
        if (node.form == null || preferred(division, node.form.division())) {
            node.form = new Form(division, confidence);
        }
    }

    private boolean preferred(Division candidate, Division current) {
        return inHome(candidate) && !inHome(current);
    }

    private boolean inHome(Division d) {
        return d.code().startsWith(homeDistrictCode.substring(0, 6));
    }

    /** A found name: the division, where in the text, and how sure. */
    public record Match(Division division, int start, int end, double confidence) {
    }

    /** Non-overlapping matches, scanning left to right and taking the longest name at each position. */
    public List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Node node = root;
            Form longest = null;
            int longestEnd = -1;
            for (int j = i; j < text.length(); j++) {
                node = node.next.get(text.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.form != null) {
                    longest = node.form;
                    longestEnd = j + 1;
                }
            }
            if (longest != null) {
                matches.add(new Match(longest.division(), i, longestEnd, longest.confidence()));
                i = longestEnd;
            } else {
                i++;
            }
        }
        return matches;
    }

    /** Groups the matches of several texts (body item {@code index}, or -1 for the headline) into places. */
    public List<Place> places(List<String> texts, List<Integer> indexes) {
        Map<String, List<Place.Mention>> mentions = new LinkedHashMap<>();
        Map<String, Double> confidence = new HashMap<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            for (Match m : find(text)) {
                String code = m.division().code();
                mentions.computeIfAbsent(code, k -> new ArrayList<>())
                        .add(new Place.Mention(indexes.get(t), m.start(), m.end(), text.substring(m.start(), m.end())));
                confidence.merge(code, m.confidence(), Math::max);
            }
        }
        List<Place> places = new ArrayList<>();
        mentions.forEach((code, found) -> {
            Division d = gazetteer.byCode(code);
            Division pointSource = gazetteer.pointSource(d);
            Place.Coordinates point = pointSource == null ? null
                    : new Place.Coordinates(pointSource.longitude(), pointSource.latitude(), "WGS84", pointSource != d);
            places.add(new Place(d.name(), placeType(d.level()), d.code(), gazetteer.parentCodes(d), point, confidence.get(code), found));
        });
        return places;
    }

    private static String placeType(String level) {
        return level.equals("province") ? "city" : level; // Tianjin is a municipality: a province-level city
    }
}
