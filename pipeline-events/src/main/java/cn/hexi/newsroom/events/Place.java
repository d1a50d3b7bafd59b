package cn.hexi.newsroom.events;

import java.util.List;

/**
 * A place an article mentions, resolved against the gazetteer where possible.
 *
 * @param type        {@code country}, {@code province}, {@code city}, {@code district}, {@code street},
 *                    {@code community}, {@code road}, {@code landmark} or {@code region}
 * @param code        official division code, null when unresolved
 * @param parentCodes codes of the enclosing divisions, nearest first
 * @param mentions    where the article names it
 */
public record Place(
        String name,
        String type,
        String code,
        List<String> parentCodes,
        Coordinates coordinates,
        double confidence,
        List<Mention> mentions) {

    public Place {
        parentCodes = List.copyOf(parentCodes);
        mentions = List.copyOf(mentions);
    }

    /** WGS-84 or GCJ-02 point; {@code approximate} when inherited from a parent division. */
    public record Coordinates(double longitude, double latitude, String datum, boolean approximate) {
    }

    /** A mention: the body item index (-1 for the headline) and the character span inside that item. */
    public record Mention(int bodyIndex, int start, int end, String text) {
    }
}
