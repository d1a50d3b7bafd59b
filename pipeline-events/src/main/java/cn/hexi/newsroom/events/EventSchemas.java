package cn.hexi.newsroom.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks event payloads against the JSON Schemas shipped in this module ({@code schemas/*.json}),
 * and headers against the CloudEvents binary-mode contract.
 */
public final class EventSchemas {

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventType type : EventType.values()) {
            schemas.put(type, registry.getSchema(SchemaLocation.of("classpath:" + type.schemaResource())));
        }
    }

    /** The violations of the payload against the event type's schema; empty when it conforms. */
    public List<String> payloadViolations(EventType type, byte[] json) {
        List<Error> errors = schemas.get(type).validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** The missing or wrong CloudEvents headers for an event of the given type; empty when they conform. */
    public static List<String> headerViolations(EventType type, Map<String, String> headers) {
        List<String> violations = new ArrayList<>();
        for (String required : List.of(EventHeaders.ID, EventHeaders.TYPE, EventHeaders.SOURCE, EventHeaders.SPEC_VERSION,
                EventHeaders.TIME, EventHeaders.ISSUE_ID)) {
            String value = headers.get(required);
            if (value == null || value.isBlank()) {
                violations.add("missing header " + required);
            }
        }
        if (!type.cloudEventType().equals(headers.get(EventHeaders.TYPE))) {
            violations.add(EventHeaders.TYPE + " is " + headers.get(EventHeaders.TYPE) + ", expected " + type.cloudEventType());
        }
        if (!type.dataSchema().equals(headers.get(EventHeaders.DATA_SCHEMA))) {
            violations.add(EventHeaders.DATA_SCHEMA + " is " + headers.get(EventHeaders.DATA_SCHEMA) + ", expected " + type.dataSchema());
        }
        if (!EventHeaders.SPEC_VERSION_1_0.equals(headers.get(EventHeaders.SPEC_VERSION))) {
            violations.add(EventHeaders.SPEC_VERSION + " must be " + EventHeaders.SPEC_VERSION_1_0);
        }
        return violations;
    }
}
