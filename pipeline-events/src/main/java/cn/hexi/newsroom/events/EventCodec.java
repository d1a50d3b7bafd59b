package cn.hexi.newsroom.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of event payloads. One mapper for every service, so that what one service writes
 * the next reads back identically: ISO-8601 times, unknown fields tolerated (consumers keep working
 * when a producer adds a field), nulls written so the schema sees every field.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final ObjectWriter canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public byte[] write(Object payload) {
        return mapper.writeValueAsBytes(payload);
    }

    public String writeString(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    /**
     * The same JSON with every map's entries in key order: equal payloads give equal bytes whichever JVM built them, so
     * a hash of it identifies content (an immutable map's iteration order differs from JVM to JVM).
     */
    public byte[] writeCanonical(Object payload) {
        return canonical.writeValueAsBytes(payload);
    }

    /**
     * Reads a payload.
     *
     * @throws MalformedEventException when the bytes are not JSON of the expected shape
     */
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
