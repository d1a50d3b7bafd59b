package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Event records as BSON sub-documents and back, through the events' own JSON codec, so the store holds what the topics carry. */
final class BsonCodec {

    private final EventCodec codec;

    BsonCodec(EventCodec codec) {
        this.codec = codec;
    }

    Document bson(Object value) {
        return Document.parse(codec.writeString(value));
    }

    /** Null for a missing sub-document. */
    <T> T read(Document sub, Class<T> type) {
        return sub == null ? null : codec.read(sub.toJson().getBytes(StandardCharsets.UTF_8), type);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
