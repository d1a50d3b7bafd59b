package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.Enrichment.Person;
import cn.hexi.newsroom.events.Enrichment.Tag;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The fields an editor has corrected, each with the editor's value; a field not corrected (null) is the pipeline's.
 * Applied to every version the pipeline makes of the article, so a correction outlives a re-sent issue or a
 * reprocess until the editor clears it.
 */
public record EditorCorrections(Corrected<String> headline, Corrected<String> subheadline, Corrected<String> section,
                                Corrected<List<String>> tags, Corrected<List<Place>> places, Corrected<List<String>> people) {

    public static final EditorCorrections NONE = new EditorCorrections(null, null, null, null, null, null);

    public Set<CorrectableField> fields() {
        Set<CorrectableField> fields = EnumSet.noneOf(CorrectableField.class);
        for (CorrectableField field : CorrectableField.values()) {
            if (get(field) != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    public Corrected<?> get(CorrectableField field) {
        return switch (field) {
            case HEADLINE -> headline;
            case SUBHEADLINE -> subheadline;
            case SECTION -> section;
            case TAGS -> tags;
            case PLACES -> places;
            case PEOPLE -> people;
        };
    }

    /** The same corrections with one field's set to {@code corrected}, or cleared when it is null. */
    @SuppressWarnings("unchecked")
    public EditorCorrections with(CorrectableField field, Corrected<?> corrected) {
        return switch (field) {
            case HEADLINE -> new EditorCorrections((Corrected<String>) corrected, subheadline, section, tags, places, people);
            case SUBHEADLINE -> new EditorCorrections(headline, (Corrected<String>) corrected, section, tags, places, people);
            case SECTION -> new EditorCorrections(headline, subheadline, (Corrected<String>) corrected, tags, places, people);
            case TAGS -> new EditorCorrections(headline, subheadline, section, (Corrected<List<String>>) corrected, places, people);
            case PLACES -> new EditorCorrections(headline, subheadline, section, tags, (Corrected<List<Place>>) corrected, people);
            case PEOPLE -> new EditorCorrections(headline, subheadline, section, tags, places, (Corrected<List<String>>) corrected);
        };
    }

    /**
     * The pipeline's article with the editor's values in place of its own. A tag, person or place the pipeline found too
     * keeps what the pipeline knows of it (score, role, mentions in the text).
     */
    public EnrichedArticle applyTo(EnrichedArticle machine) {
        if (isEmpty()) {
            return machine;
        }
        ParsedArticle article = machine.article();
        Enrichment enrichment = machine.enrichment();
        ParsedArticle titled = article.withTitles(valueOr(section, article.section()), valueOr(headline, article.headline()),
                valueOr(subheadline, article.subheadline()));
        List<Place> placeList = places == null ? enrichment.places()
                : places.value().stream().map(p -> find(enrichment.places(), p, EditorCorrections::samePlace).orElse(p)).toList();
        List<Tag> tagList = tags == null ? enrichment.tags()
                : tags.value().stream().map(name -> find(enrichment.tags(), name, (t, n) -> t.name().equals(n))
                        .orElse(new Tag(name, 1.0, List.of()))).toList();
        List<Person> personList = people == null ? enrichment.people()
                : people.value().stream().map(name -> find(enrichment.people(), name, (p, n) -> p.name().equals(n))
                        .orElse(new Person(name, null, List.of()))).toList();
        return new EnrichedArticle(titled, enrichment.withEntities(placeList, tagList, personList));
    }

    /** A field's value in the API's terms: text, or the names of the tags, places or people. */
    public static Object valueOf(CorrectableField field, EnrichedArticle article) {
        return switch (field) {
            case HEADLINE -> article.article().headline();
            case SUBHEADLINE -> article.article().subheadline();
            case SECTION -> article.article().section();
            case TAGS -> names(article.enrichment().tags(), Tag::name);
            case PLACES -> names(article.enrichment().places(), Place::name);
            case PEOPLE -> names(article.enrichment().people(), Person::name);
        };
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }

    private static String valueOr(Corrected<String> corrected, String machine) {
        return corrected == null ? machine : corrected.value();
    }

    private static <T, K> Optional<T> find(List<T> items, K key, BiPredicate<T, K> matches) {
        return items.stream().filter(item -> matches.test(item, key)).findFirst();
    }

    private static boolean samePlace(Place found, Place corrected) {
        return corrected.code() != null ? corrected.code().equals(found.code())
                : found.code() == null && found.name().equals(corrected.name()) && Objects.equals(found.type(), corrected.type());
    }
}
