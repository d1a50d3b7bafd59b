package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.Place;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An editor's JSON Merge Patch (RFC 7396) of an article's correctable fields, checked: a member sets the field to the
 * editor's value, {@code null} clears the editor's correction (the pipeline's value shows again). Text is kept as
 * typed (trimmed); lists lose repeats. Places are gazetteer codes ({@code {"code": "120103003"}}) or, for roads,
 * landmarks and other places the gazetteer does not list (as enrich keeps them, unresolved), a name and a type.
 */
public final class CorrectionPatch {

    static final int MAX_TEXT = 200;
    static final int MAX_NAME = 50;
    static final int MAX_ITEMS = 50;
    /** The contracts' {@code placeType}s. */
    static final Set<String> PLACE_TYPES = Set.of("country", "province", "city", "district", "street", "community", "road", "landmark",
            "region");

    /** Finds a division of the gazetteer as a place of an article. */
    public interface PlaceLookup {
        Optional<Place> byCode(String code);
    }

    private final Map<CorrectableField, Object> values;

    private CorrectionPatch(Map<CorrectableField, Object> values) {
        this.values = values;
    }

    /** The fields the patch sets (to a value) or clears (to null), in the fields' order. */
    public Map<CorrectableField, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** @throws InvalidCorrectionException when a member is not a correctable field or its value is not one it can take */
    public static CorrectionPatch parse(Map<String, Object> patch, PlaceLookup places) {
        Map<CorrectableField, Object> values = new EnumMap<>(CorrectableField.class);
        for (Map.Entry<String, Object> member : patch.entrySet()) {
            CorrectableField field = CorrectableField.byJsonName(member.getKey()).orElseThrow(() -> new InvalidCorrectionException(
                    member.getKey(), "'" + member.getKey() + "' cannot be corrected; these can: " + Arrays.stream(CorrectableField.values())
                            .map(CorrectableField::jsonName).collect(Collectors.joining(", "))));
            values.put(field, member.getValue() == null ? null : value(field, member.getValue(), places));
        }
        return new CorrectionPatch(values);
    }

    private static Object value(CorrectableField field, Object value, PlaceLookup places) {
        return switch (field) {
            case HEADLINE -> text(field, value, false);
            case SUBHEADLINE, SECTION -> text(field, value, true);
            case TAGS, PEOPLE -> names(field, value);
            case PLACES -> places(value, places);
        };
    }

    /** An optional text may be emptied (the editor removes it): it is then null. */
    private static String text(CorrectableField field, Object value, boolean mayBeEmpty) {
        if (!(value instanceof String text)) {
            throw invalid(field, "must be a string, or null to restore the pipeline's");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() && !mayBeEmpty) {
            throw invalid(field, "cannot be empty; null restores the pipeline's");
        }
        if (trimmed.length() > MAX_TEXT) {
            throw invalid(field, "is longer than " + MAX_TEXT + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static List<String> names(CorrectableField field, Object value) {
        Set<String> names = new LinkedHashSet<>();
        for (Object item : list(field, value)) {
            if (!(item instanceof String name) || name.isBlank() || name.strip().length() > MAX_NAME) {
                throw invalid(field, "must be a list of names of 1 to " + MAX_NAME + " characters");
            }
            names.add(name.strip());
        }
        return List.copyOf(names);
    }

    private static List<Place> places(Object value, PlaceLookup lookup) {
        List<Place> places = new ArrayList<>();
        for (Object item : list(CorrectableField.PLACES, value)) {
            Place place = place(item, lookup);
            if (places.stream().noneMatch(p -> p.name().equals(place.name()) && Objects.equals(p.code(), place.code()))) {
                places.add(place);
            }
        }
        return List.copyOf(places);
    }

    private static Place place(Object item, PlaceLookup lookup) {
        if (!(item instanceof Map<?, ?> entry)) {
            throw invalid(CorrectableField.PLACES, "must be a list of {\"code\": …} or {\"name\": …, \"type\": …}");
        }
        if (entry.get("code") instanceof String code) {
            return lookup.byCode(code).orElseThrow(() -> invalid(CorrectableField.PLACES, "the gazetteer has no place with code " + code));
        }
        if (entry.get("name") instanceof String name && !name.isBlank() && name.strip().length() <= MAX_NAME
                && entry.get("type") instanceof String type && PLACE_TYPES.contains(type)) {
            return new Place(name.strip(), type, null, List.of(), null, 1.0, List.of(), false);
        }
        throw invalid(CorrectableField.PLACES, "a place without a code needs a name and a type (" + String.join(", ", PLACE_TYPES) + ")");
    }

    private static List<?> list(CorrectableField field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid(field, "must be a list, or null to restore the pipeline's");
        }
        if (list.size() > MAX_ITEMS) {
            throw invalid(field, "has more than " + MAX_ITEMS + " items");
        }
        return list;
    }

    private static InvalidCorrectionException invalid(CorrectableField field, String problem) {
        return new InvalidCorrectionException(field.jsonName(), field.jsonName() + " " + problem);
    }
}
