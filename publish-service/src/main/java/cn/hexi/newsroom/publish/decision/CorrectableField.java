package cn.hexi.newsroom.publish.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The fields an editor may correct, by their names in a merge patch and in notifications. */
public enum CorrectableField {
    HEADLINE("headline"),
    SUBHEADLINE("subheadline"),
    SECTION("section"),
    TAGS("tags"),
    PLACES("places"),
    PEOPLE("people");

    private final String jsonName;

    CorrectableField(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public static Optional<CorrectableField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }

    @JsonCreator
    static CorrectableField fromJson(String name) {
        return byJsonName(name).orElseThrow(() -> new IllegalArgumentException("not a correctable field: " + name));
    }
}
