package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * What the enrich service added to an article, each finding with its evidence. {@code version} orders
 * re-enrichments of the same article: a later enrichment carries a larger version.
 *
 * @param enricher which analysis produced it (name and model versions)
 * @param summary  two sentences: the lead and the most central other sentence
 */
public record Enrichment(
        long version,
        String enricher,
        Instant enrichedAt,
        List<Place> places,
        List<Tag> tags,
        List<Keyword> keywords,
        List<Person> people,
        List<Organisation> organisations,
        List<DateMention> dates,
        String summary) {

    public Enrichment {
        places = List.copyOf(places);
        tags = List.copyOf(tags);
        keywords = List.copyOf(keywords);
        people = List.copyOf(people);
        organisations = List.copyOf(organisations);
        dates = List.copyOf(dates);
    }

    /** The same enrichment with an editor's places, tags and people. */
    public Enrichment withEntities(List<Place> places, List<Tag> tags, List<Person> people) {
        return new Enrichment(version, enricher, enrichedAt, places, tags, keywords, people, organisations, dates, summary);
    }

    /** A topic from the controlled vocabulary, with the terms that triggered it. */
    public record Tag(String name, double score, List<String> evidence) {
        public Tag {
            evidence = List.copyOf(evidence);
        }
    }

    public record Keyword(String term, double score) {
    }

    /** A person, with the role the text states ({@code 市委书记}), or the byline role for the article's reporters. */
    public record Person(String name, String role, List<Mention> mentions) {
        public Person {
            mentions = List.copyOf(mentions);
        }
    }

    public record Organisation(String name, List<Mention> mentions) {
        public Organisation {
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * A date the text names, normalised to ISO 8601 as far as it is known.
     *
     * @param date      {@code 2023-09-16}, {@code 2023-09} or {@code 2023}; null when the year cannot be inferred
     * @param precision {@code day}, {@code month} or {@code year}
     */
    public record DateMention(String text, String date, String precision, Mention mention) {
    }
}
