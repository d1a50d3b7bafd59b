package cn.hexi.newsroom.events.spring.openapi;

import cn.hexi.newsroom.events.spring.access.AccessRules;
import cn.hexi.newsroom.events.spring.access.AccessRules.Requirement;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every service's OpenAPI description (springdoc, {@code /v3/api-docs}) adds to what springdoc reads off the
 * controllers: the API key as a security scheme on the operations the access policy guards, and RFC 9457 problem
 * details as the answer to every refused call (4XX, 5XX), since refusals are thrown rather than returned.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    static final String API_KEY_SCHEME = "apiKey";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    public OpenApiCustomizer newsroomOpenApi(Environment environment) {
        String service = environment.getProperty("spring.application.name", "newsroom");
        return openApi -> {
            openApi.info(new Info().title("Hexi newsroom " + service).version("v1")
                    .description("The " + service + " HTTP API. Reading is open; calls marked with the apiKey scheme need the "
                            + "admin key (sending an issue: the ingest key) in " + AccessRules.KEY_HEADER + "."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components.addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(AccessRules.KEY_HEADER)));
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(OpenApiAutoConfiguration::optionalMeansNullable);
            }
            components.addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach(this::describeOperations);
            }
        };
    }

    private void describeOperations(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            Requirement requirement = AccessRules.of(method.name(), path);
            if (requirement == Requirement.ADMIN_KEY) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY_SCHEME)));
            } else if (requirement == Requirement.INGEST_KEY) {
                // Needed once a key is configured; an empty requirement says the call may also go without.
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY_SCHEME), new SecurityRequirement()));
            }
            addProblemResponses(operation);
        });
    }

    /**
     * The services write absent values as {@code null}: a property a schema does not require may be null (in OpenAPI
     * 3.1, a {@code "null"} type, or a reference or'ed with one).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMeansNullable(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            Set<String> types = new LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
        }
        return property;
    }

    private static void addProblemResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (Map.Entry<String, String> range : Map.of("4XX", "Refused: the problem says why", "5XX", "Failed: the problem says why").entrySet()) {
            responses.computeIfAbsent(range.getKey(), code -> new ApiResponse().description(range.getValue())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
        operation.setResponses(responses);
    }

    /** RFC 9457 problem details; members beyond the standard five are allowed (this project adds {@code reason}, {@code file}). */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI reference naming the kind of problem").format("uri-reference"));
        properties.put("title", string("A short summary of the kind of problem"));
        properties.put("status", new Schema<>().types(Set.of("integer")).format("int32").description("The HTTP status code"));
        properties.put("detail", string("What happened, for this occurrence"));
        properties.put("instance", string("A URI reference naming this occurrence").format("uri-reference"));
        return new Schema<>().types(Set.of("object")).description("RFC 9457 problem details").properties(properties)
                .required(List.of("title", "status"));
    }

    private static Schema<?> string(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }
}
