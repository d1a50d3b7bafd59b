package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Which of some notifications the topic already holds. A version that is stored but not marked notified is one whose
 * stage stopped between sending its notification and marking it, or before sending: only the topic can tell which.
 * Its notification was sent after its {@code publishedAt}, so the topic is read from that time (less a margin for
 * clocks) to its end, and what is found is not sent again. This runs only for such versions, after a crash.
 */
public final class SentNotifications {

    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final EventCodec codec;

    /** @param consumers a consumer of the notification topic with no group, made for each look-up */
    public SentNotifications(Supplier<Consumer<String, byte[]>> consumers, EventCodec codec) {
        this.consumers = consumers;
        this.codec = codec;
    }

    /** The {@code articleId@version} of each candidate the topic already has. */
    public Set<String> alreadySent(List<ArticlePublished> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Set<String> wanted = new HashSet<>();
        candidates.forEach(n -> wanted.add(keyOf(n)));
        Instant from = candidates.stream().map(ArticlePublished::publishedAt).min(Instant::compareTo).orElseThrow().minus(CLOCK_MARGIN);
        Set<String> found = new HashSet<>();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            Map<TopicPartition, Long> start = startOffsets(consumer, from);
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(start.keySet());
            while (!caughtUp(consumer, ends)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    String key = keyOf(codec.read(record.value(), ArticlePublished.class));
                    if (wanted.contains(key)) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    private static Map<TopicPartition, Long> startOffsets(Consumer<String, byte[]> consumer, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        consumer.partitionsFor(EventType.ARTICLE_PUBLISHED.topic())
                .forEach(p -> times.put(new TopicPartition(p.topic(), p.partition()), from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(times.keySet());
        Map<TopicPartition, Long> start = new HashMap<>();
        // No record at or after the time: nothing of it to read, start at the end.
        times.keySet().forEach(tp -> start.put(tp, offsets.get(tp) != null ? offsets.get(tp).offset() : ends.get(tp)));
        return start;
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    static String keyOf(ArticlePublished notification) {
        return notification.articleId() + "@" + notification.version();
    }
}
