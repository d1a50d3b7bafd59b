package cn.hexi.newsroom.publish.schemas;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * The JSON Schemas of the events, as shipped in {@code pipeline-events}: every record's {@code ce_dataschema} names one
 * ({@code urn:cn.hexi.newsroom:schema:<name>}), and {@code GET /schemas/<name>} serves it; the schemas refer to each
 * other by these relative names, so a validator that fetches from here resolves them.
 */
@RestController
@RequestMapping("/schemas")
public class SchemaController {

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
    public ResponseEntity<byte[]> schema(@PathVariable String name) {
        byte[] schema = schemas.get(name);
        if (schema == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no schema " + name + "; there are "
                    + Arrays.toString(schemas.keySet().toArray()));
            problem.setTitle("Schema not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(schema);
    }
}
