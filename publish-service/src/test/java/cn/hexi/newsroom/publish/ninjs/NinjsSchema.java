package cn.hexi.newsroom.publish.ninjs;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** Checks documents against the ninjs 3.1 constraints kept with the tests, with {@code uri} and {@code date-time} formats asserted. */
public final class NinjsSchema {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of("classpath:ninjs/ninjs-3.1-constraints.schema.json"));

    private NinjsSchema() {
    }

    /** The document's violations; empty when it is valid ninjs 3.1. */
    public static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
