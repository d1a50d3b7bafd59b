package cn.hexi.newsroom.gazetteer;

import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * China's provinces, cities and counties, and Tianjin's divisions (municipality, districts, streets, Hexi's
 * communities) from {@code gazetteer/*.csv}, with their codes, hierarchy and WGS-84 points. Where the national lists
 * and Tianjin's share a code, Tianjin's entry wins. Coordinates: Vonng/adcode, CC BY 4.0; converted and derived.
 */
public final class Gazetteer {

    private final Map<String, Division> byCode = new LinkedHashMap<>();

    private Gazetteer(List<Division> divisions) {
        divisions.forEach(d -> byCode.put(d.code(), d));
    }

    public static Gazetteer standard() {
        List<Division> divisions = new ArrayList<>();
        divisions.addAll(load("/gazetteer/china-provinces-cities.csv"));
        divisions.addAll(load("/gazetteer/china-counties.csv"));
        divisions.addAll(load("/gazetteer/tianjin-divisions.csv"));
        return new Gazetteer(divisions);
    }

    static List<Division> load(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing gazetteer resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(reader.readLine().split(",", -1));
            int code = header.indexOf("code");
            int name = header.indexOf("name");
            int shortName = header.indexOf("short_name");
            int level = header.indexOf("level");
            int parent = header.indexOf("parent_code");
            int lon = header.indexOf("lon_wgs84");
            int lat = header.indexOf("lat_wgs84");
            int shared = header.indexOf("short_name_dup");
            List<Division> divisions = new ArrayList<>();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                // Only the national files' note column is ever quoted (and may hold commas); every field read here comes before it.
                String[] f = row.split(",", -1);
                int sharedCount = shared < 0 || f[shared].isBlank() ? 1 : Integer.parseInt(f[shared]);
                divisions.add(new Division(f[code], f[name], f[shortName], DivisionLevel.of(f[level]), f[parent], number(f[lon]), number(f[lat]), sharedCount));
            }
            return divisions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(String field) {
        return field.isBlank() ? Double.NaN : Double.parseDouble(field);
    }

    public Collection<Division> divisions() {
        return byCode.values();
    }

    /**
     * Divisions whose name or short name contains {@code query}, for an editor picking a place: exact names first, then
     * names that begin with it, then the rest; those under {@code nearCode} (the paper's home) first within each, then
     * the shorter name. Statistical placeholders, which name no place, are left out.
     */
    public List<Division> search(String query, String nearCode, int limit) {
        String q = query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return byCode.values().stream()
                .filter(d -> !d.shortName().isBlank() && (d.displayName().contains(q) || d.shortName().contains(q)))
                .sorted(Comparator.<Division>comparingInt(d -> d.displayName().equals(q) || d.shortName().equals(q) ? 0
                                : d.displayName().startsWith(q) || d.shortName().startsWith(q) ? 1 : 2)
                        .thenComparing(d -> !d.code().startsWith(nearCode))
                        .thenComparingInt(d -> d.displayName().length()))
                .limit(limit)
                .toList();
    }

    public Division byCode(String code) {
        return byCode.get(code);
    }

    /** Codes of the enclosing divisions, nearest first, skipping the statistical placeholder levels that name no place. */
    public List<String> parentCodes(Division division) {
        List<String> parents = new ArrayList<>();
        for (Division p = byCode.get(division.parentCode()); p != null; p = byCode.get(p.parentCode())) {
            if (!p.shortName().isBlank()) {
                parents.add(p.code());
            }
        }
        return parents;
    }

    /**
     * The division as a place of an article, under the name the article gives it, with its parents and point.
     *
     * @param mentions where the article names it; empty for a place an editor added
     */
    public Place asPlace(Division division, String name, double confidence, List<Mention> mentions) {
        Division source = pointSource(division);
        Place.Coordinates point = source == null ? null
                : new Place.Coordinates(source.longitude(), source.latitude(), "WGS84", source != division);
        return new Place(name, division.placeType(), division.code(), parentCodes(division), point, confidence, mentions, false);
    }

    /** The division's own point, or else its nearest ancestor's, which is then only approximate. */
    public Division pointSource(Division division) {
        for (Division d = division; d != null; d = byCode.get(d.parentCode())) {
            if (d.hasPoint()) {
                return d;
            }
        }
        return null;
    }
}
