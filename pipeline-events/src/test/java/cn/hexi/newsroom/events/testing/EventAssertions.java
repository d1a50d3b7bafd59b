package cn.hexi.newsroom.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventSchemas;
import cn.hexi.newsroom.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Asserts that records on a topic honour the event contract: CloudEvents headers and the payload schema. */
public final class EventAssertions {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final EventCodec CODEC = new EventCodec();

    private EventAssertions() {
    }

    /** Checks headers and schema, and returns the payload read as its record type. */
    public static <T> T assertConforms(EventType type, ConsumerRecord<String, byte[]> record, Class<T> payloadType) {
        var headers = TopicProbe.headers(record);
        assertThat(record.topic()).isEqualTo(type.topic());
        assertThat(EventSchemas.headerViolations(type, headers)).as("headers of %s", record.key()).isEmpty();
        assertThat(headers.get(EventHeaders.SUBJECT)).as("ce_subject is the record key").isEqualTo(record.key());
        assertThat(SCHEMAS.payloadViolations(type, record.value())).as("payload of %s", record.key()).isEmpty();
        return CODEC.read(record.value(), payloadType);
    }
}
