package cn.hexi.newsroom.enrich.geo;

/**
 * One administrative division from the gazetteer.
 *
 * @param level          {@code province}, {@code city}, {@code county}, {@code district}, {@code street} or {@code community}
 * @param longitude      WGS-84, or NaN where the gazetteer has no point
 * @param shortNameShared how many divisions of the national lists share the short name (1 = unique)
 */
public record Division(String code, String name, String shortName, String level, String parentCode, double longitude, double latitude,
                       int shortNameShared) {

    public boolean hasPoint() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }
}
