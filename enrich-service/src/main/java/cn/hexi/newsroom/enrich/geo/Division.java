package cn.hexi.newsroom.enrich.geo;

/**
 * One administrative division from the gazetteer.
 *
 * @param level     {@code province}, {@code city}, {@code district}, {@code street} or {@code community}
 * @param longitude WGS-84, or NaN where the gazetteer has no point
 */
public record Division(String code, String name, String shortName, String level, String parentCode, double longitude, double latitude) {

    public boolean hasPoint() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }
}
