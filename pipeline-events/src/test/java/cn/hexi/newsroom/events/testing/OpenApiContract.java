package cn.hexi.newsroom.events.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI description, to check real answers against: the operation's documented status (exact, else its
 * range such as {@code 4XX}, else {@code default}), media type and schema, with formats asserted. Also lists what the
 * document says, so a test can call every operation it documents.
 */
public final class OpenApiContract {

    private static final String DOCUMENT = "urn:newsroom:openapi";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Set<String> checked = new LinkedHashSet<>();

    public OpenApiContract(String openApiJson) {
        this.document = JSON.readTree(openApiJson);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry
                .schemas(Map.of(DOCUMENT, openApiJson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public JsonNode document() {
        return document;
    }

    /** Every documented operation, as {@code "GET /api/articles/{id}"}. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The operations {@link #violations} has been asked about. */
    public Set<String> checkedOperations() {
        return Set.copyOf(checked);
    }

    /** The security schemes an operation documents; empty when it is open (an empty requirement also means open). */
    public List<String> securityOf(String method, String pathTemplate) {
        JsonNode security = operation(method, pathTemplate).path("security");
        List<String> schemes = new ArrayList<>();
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return List.of();
            }
            requirement.properties().forEach(scheme -> schemes.add(scheme.getKey()));
        }
        return schemes;
    }

    /** How a real answer departs from the document; empty when it conforms. */
    public List<String> violations(String method, String pathTemplate, HttpResponse<String> response) {
        String operation = method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
        checked.add(operation);
        JsonNode responses = operation(method, pathTemplate).path("responses");
        String status = String.valueOf(response.statusCode());
        String documented = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
        if (!responses.has(documented)) {
            return List.of(operation + " documents no " + status + " answer, only " + responses.propertyNames());
        }
        JsonNode content = responses.get(documented).path("content");
        String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse(null);
        if (content.isEmpty()) {
            return response.body().isEmpty() ? List.of() : List.of(operation + " " + status + " documents no body but one came");
        }
        String documentedType = documentedType(content, mediaType);
        if (documentedType == null) {
            return List.of(operation + " " + status + " answered " + mediaType + ", documented: " + content.propertyNames());
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + documented
                + "/content/" + escape(documentedType) + "/schema";
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        return schema.validate(response.body(), InputFormat.JSON).stream().map(e -> operation + " " + status + ": " + e).toList();
    }

    private JsonNode operation(String method, String pathTemplate) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the OpenAPI document has no " + method + " " + pathTemplate + "; it has " + operations());
        }
        return operation;
    }

    /** The documented media type an answer's type matches: exactly, or by a wildcard such as {@code application/*}. */
    private static String documentedType(JsonNode content, String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String type : content.propertyNames()) {
            String[] parts = type.split(";")[0].strip().split("/");
            String bare = parts[0] + "/" + parts[1];
            if (bare.equals(mediaType) || bare.equals("*/*") || (parts[1].equals("*") && mediaType.startsWith(parts[0] + "/"))) {
                return type;
            }
        }
        return null;
    }

    /** A JSON pointer token (RFC 6901), as a URI fragment. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D").replace("*", "%2A");
    }

    /** Fails listing the violations, when there are any. */
    public void assertConforms(String method, String pathTemplate, HttpResponse<String> response) {
        List<String> violations = violations(method, pathTemplate, response);
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n", violations) + "\nbody: " + response.body());
        }
    }
}
