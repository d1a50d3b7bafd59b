package cn.hexi.newsroom.enrich.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
                divisions.add(new Division(f[code], f[name], f[shortName], f[level], f[parent], number(f[lon]), number(f[lat]), sharedCount));
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
