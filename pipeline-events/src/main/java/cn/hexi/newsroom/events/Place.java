package cn.hexi.newsroom.events;

import java.util.List;

/**
 * A place an article mentions, resolved against the gazetteer where possible.
 *
 * @param type        {@code country}, {@code province}, {@code city}, {@code district}, {@code street},
 *                    {@code community}, {@code road}, {@code landmark} or {@code region}
 * @param code        official division code, null when unresolved
 * @param parentCodes codes of the enclosing divisions, nearest first
 * @param focus       the one place the article is most about
 */
public record Place(
        String name,
        String type,
        String code,
        List<String> parentCodes,
        Coordinates coordinates,
        double confidence,
        List<Mention> mentions,
        boolean focus) {

    public Place {
        parentCodes = List.copyOf(parentCodes);
        mentions = List.copyOf(mentions);
    }

    public Place withFocus(boolean focus) {
        return new Place(name, type, code, parentCodes, coordinates, confidence, mentions, focus);
    }

    /** A point and its datum; {@code approximate} when inherited from a parent division. */
    public record Coordinates(double longitude, double latitude, String datum, boolean approximate) {
    }
}
