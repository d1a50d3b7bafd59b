package cn.hexi.newsroom.publish.schemas;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The JSON Schemas of the events, as shipped in {@code pipeline-events}: every record's {@code ce_dataschema} names one
 * ({@code urn:cn.hexi.newsroom:schema:<name>}), and {@code GET /schemas/<name>} serves it; the schemas refer to each
 * other by these relative names, so a validator that fetches from here resolves them.
 */
@RestController
@RequestMapping("/schemas")
public class SchemaController {

    private static final String SHIPPED_ID_PREFIX = "classpath:schemas/";
    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final Map<String, byte[]> schemas = new TreeMap<>();

    public SchemaController() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:schemas/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                schemas.put(resource.getFilename(), in.readAllBytes());
            }
        }
    }

    @GetMapping
    public List<String> names() {
        return List.copyOf(schemas.keySet());
    }

    @GetMapping("/{name}")
    @ApiResponse(responseCode = "200", description = "The JSON Schema (2020-12); its $id is the address it was fetched from",
            content = @Content(mediaType = "application/schema+json", schema = @Schema(type = "object")))
    public ResponseEntity<byte[]> schema(@PathVariable String name) {
        byte[] schema = schemas.get(name);
        if (schema == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no schema " + name + "; there are "
                    + Arrays.toString(schemas.keySet().toArray()));
            problem.setTitle("Schema not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(servedFromHere(name, schema));
    }

    /**
     * The schema with its {@code $id} set to the address it is served at: the relative references resolve against the
     * {@code $id}, and the shipped one is a class-path address only the pipeline's own validator can follow.
     */
    private static byte[] servedFromHere(String name, byte[] schema) {
        String here = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString();
        String text = new String(schema, StandardCharsets.UTF_8);
        return text.replace("\"$id\": \"" + SHIPPED_ID_PREFIX + name + "\"", "\"$id\": \"" + here + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
