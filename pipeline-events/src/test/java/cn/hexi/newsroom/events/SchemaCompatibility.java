package cn.hexi.newsroom.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether a schema still accepts everything a released version of it accepted, so that records written under the
 * released version (replays, a consumer's backlog, dead letters sent back) stay valid: no property of a closed object
 * removed, no type taken away, no new required property, no enum value dropped, no object closed that was open, no
 * reference moved. Bounds such as {@code minimum} are not compared.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** What the current schema breaks of the released one, by JSON path; empty when it is backward compatible. */
    static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("$", released, current, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (current == null || current.isMissingNode()) {
            breaks.add(path + " removed");
            return;
        }
        if (!released.path("$ref").equals(current.path("$ref"))) {
            breaks.add(path + " refers to " + current.path("$ref") + " instead of " + released.path("$ref"));
        }
        if (!types(current).containsAll(types(released)) && !types(current).isEmpty()) {
            breaks.add(path + " retyped from " + types(released) + " to " + types(current));
        }
        if (released.has("enum") && !values(current.path("enum")).containsAll(values(released.path("enum")))) {
            breaks.add(path + " enum narrowed from " + values(released.path("enum")) + " to " + values(current.path("enum")));
        }
        Set<String> newlyRequired = values(current.path("required"));
        newlyRequired.removeAll(values(released.path("required")));
        newlyRequired.forEach(name -> breaks.add(path + "." + name + " newly required"));
        if (!released.path("additionalProperties").isBoolean() && current.path("additionalProperties").isBoolean()
                && !current.path("additionalProperties").asBoolean()) {
            breaks.add(path + " closed to further properties");
        }
        for (String container : List.of("properties", "$defs")) {
            for (String name : released.path(container).propertyNames()) {
                compare(path + "." + name, released.path(container).path(name), current.path(container).path(name), breaks);
            }
        }
        if (released.has("items")) {
            compare(path + "[]", released.path("items"), current.path("items"), breaks);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? values(type) : type.isString() ? new HashSet<>(Set.of(type.asString())) : new HashSet<>();
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.isString() ? value.asString() : value.toString()));
        return values;
    }
}
