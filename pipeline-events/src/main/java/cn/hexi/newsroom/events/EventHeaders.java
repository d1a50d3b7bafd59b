package cn.hexi.newsroom.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents binary-mode headers (Kafka protocol binding): attributes travel as {@code ce_}-prefixed
 * headers and the payload is the record value. {@code ce_issueid} is a CloudEvents extension attribute
 * carried by every event, so any record can be traced back to its issue.
 */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String ISSUE_ID = "ce_issueid";
    /** The payload's JSON Schema ({@link EventType#dataSchema()}); records written before it existed lack it. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private EventHeaders() {
    }

    /**
     * Headers for a new event.
     *
     * @param source  the producing service, e.g. {@code /newsroom/parse-service}
     * @param subject the article id for article events, otherwise the issue id
     */
    public static Map<String, String> forNewEvent(EventType type, String source, String issueId, String subject, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, UUID.randomUUID().toString());
        headers.put(TYPE, type.cloudEventType());
        headers.put(SOURCE, source);
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, subject);
        headers.put(ISSUE_ID, issueId);
        headers.put(DATA_SCHEMA, type.dataSchema());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
