package cn.hexi.newsroom.gazetteer;

/**
 * One administrative division from the gazetteer.
 *
 * @param longitude      WGS-84, or NaN where the gazetteer has no point
 * @param shortNameShared how many divisions of the national lists share the short name (1 = unique)
 */
public record Division(String code, String name, String shortName, DivisionLevel level, String parentCode, double longitude, double latitude,
                       int shortNameShared) {

    /** The name an article is given: a community without its committee's suffix ({@code 居委会}). */
    public String displayName() {
        return level == DivisionLevel.COMMUNITY ? name.replaceFirst("(居委会|村委会)$", "") : name;
    }

    /** The contracts' place type: municipalities are cities, counties are districts. */
    public String placeType() {
        return switch (level) {
            case PROVINCE -> name.endsWith("市") ? "city" : "province";
            case COUNTY -> "district";
            default -> level.fileName();
        };
    }

    public boolean hasPoint() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }
}
