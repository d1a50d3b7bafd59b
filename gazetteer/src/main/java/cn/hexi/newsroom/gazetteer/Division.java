package cn.hexi.newsroom.gazetteer;

/**
 * One administrative division from the gazetteer.
 *
 * @param level          {@code province}, {@code city}, {@code county}, {@code district}, {@code street} or {@code community}
 * @param longitude      WGS-84, or NaN where the gazetteer has no point
 * @param shortNameShared how many divisions of the national lists share the short name (1 = unique)
 */
public record Division(String code, String name, String shortName, String level, String parentCode, double longitude, double latitude,
                       int shortNameShared) {

    /** The name an article is given: a community without its committee's suffix ({@code 居委会}). */
    public String displayName() {
        return level.equals("community") ? name.replaceFirst("(居委会|村委会)$", "") : name;
    }

    /** The contracts' place type: municipalities are cities, counties are districts. */
    public String placeType() {
        return switch (level) {
            case "province" -> name.endsWith("市") ? "city" : "province";
            case "county" -> "district";
            default -> level;
        };
    }

    public boolean hasPoint() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }
}
