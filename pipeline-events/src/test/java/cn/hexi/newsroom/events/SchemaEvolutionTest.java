package cn.hexi.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every published schema keeps its released version under {@code schemas/released/} and stays backward compatible
 * with it; an incompatible change is a new event type ({@code .v2}) beside the old one, not an edit.
 */
class SchemaEvolutionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everySchemaHasAReleasedVersionAndAcceptsEverythingItAccepted() throws Exception {
        List<String> names = schemaNames();
        assertThat(names).contains("article-published.v1.json", "common.v1.json");
        for (String name : names) {
            JsonNode released = read("schemas/released/" + name);
            assertThat(released).as("released copy of " + name).isNotNull();
            assertThat(SchemaCompatibility.breaks(released, read("schemas/" + name))).as(name).isEmpty();
        }
    }

    @Test
    void removingRetypingRequiringOrNarrowingIsABreak() throws Exception {
        JsonNode released = read("schemas/released/article-published.v1.json");

        ObjectNode removed = (ObjectNode) released.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("summary");
        ObjectNode retyped = (ObjectNode) released.deepCopy();
        ((ObjectNode) retyped.get("properties").get("sequence")).put("type", "string");
        ObjectNode required = (ObjectNode) released.deepCopy();
        ((ObjectNode) required.get("properties")).set("priority", JSON.readTree("{\"type\": \"integer\"}"));
        ((ArrayNode) required.get("required")).add("priority");
        ObjectNode narrowed = (ObjectNode) released.deepCopy();
        ((ObjectNode) narrowed.get("properties").get("kind")).set("enum", JSON.readTree("[\"news\", \"photo\", \"note\"]"));
        ObjectNode widened = (ObjectNode) released.deepCopy();
        ((ObjectNode) widened.get("properties")).set("priority", JSON.readTree("{\"type\": \"integer\"}"));
        ((ObjectNode) widened.get("properties").get("kind")).set("enum", JSON.readTree("[\"news\", \"photo\", \"note\", \"unstructured\", \"advert\"]"));

        assertThat(SchemaCompatibility.breaks(released, removed)).containsExactly("$.summary removed");
        assertThat(SchemaCompatibility.breaks(released, retyped)).singleElement().asString().startsWith("$.sequence retyped");
        assertThat(SchemaCompatibility.breaks(released, required)).containsExactly("$.priority newly required");
        assertThat(SchemaCompatibility.breaks(released, narrowed)).singleElement().asString().startsWith("$.kind enum narrowed");
        assertThat(SchemaCompatibility.breaks(released, widened)).as("an optional field and an enum value more").isEmpty();
    }

    private static List<String> schemaNames() throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaEvolutionTest.class.getClassLoader().getResource("schemas").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
