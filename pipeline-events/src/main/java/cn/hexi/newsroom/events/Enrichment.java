package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * What the enrich service added to an article. {@code version} orders re-enrichments of the same article:
 * a later enrichment carries a larger version.
 */
public record Enrichment(long version, String enricher, Instant enrichedAt, List<Place> places) {

    public Enrichment {
        places = List.copyOf(places);
    }
}
