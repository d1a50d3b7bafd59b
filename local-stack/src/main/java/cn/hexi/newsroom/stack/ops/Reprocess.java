package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.RawIssue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Sends stored issues back through parse and enrich (after a parser, vocabulary or gazetteer upgrade): each issue's
 * kept text and metadata go to {@code newsroom.issues.raw} as a new raw-issue event, and the stages do the rest. Publish
 * stores and notifies only the articles whose content changed. Progress is read from the stages' consumer groups.
 */
public final class Reprocess implements AutoCloseable {

    private static final String SOURCE = "/newsroom/reprocess";
    private static final ZoneId PAPER_ZONE = PaperHome.STANDARD.timeZone();

    /** Which issues: these ids, or those received on or after a day, or all (exactly one). */
    public record Selection(List<String> issueIds, LocalDate since, boolean all) {
    }

    /** Where the work stands: issues parsed of those sent, articles published since the start, seconds taken. */
    public record Progress(long issuesDone, long issues, long articlesPublished, double seconds, boolean finished) {

        public double articlesPerSecond() {
            return seconds <= 0 ? 0 : articlesPublished / seconds;
        }
    }

    /**
     * Issues read per reply. Each carries its whole text, and the embedded store answers a query in one reply unless a
     * batch size is asked for: an archive of a few thousand issues outgrew the driver's largest message (48 MB). Five of
     * the largest issues ingest takes (5 MB, up to half as much again as UTF-8) still fit in one.
     */
    private static final int ISSUES_PER_REPLY = 5;

    private final MongoClient mongo;
    private final String database;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    public Reprocess(String mongoUri, String database, String bootstrapServers) {
        this.mongo = MongoClients.create(mongoUri);
        this.database = database;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(admin);
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(producer);
    }

    /** The stored issues selected, oldest first; an issue whose text was never recorded cannot be sent again. */
    public List<RawIssue> select(Selection selection) {
        Bson filter = selection.all() ? new Document()
                : selection.since() != null ? Filters.gte("receivedAt", Date.from(selection.since().atStartOfDay(PAPER_ZONE).toInstant()))
                : Filters.in("_id", selection.issueIds());
        List<RawIssue> issues = new ArrayList<>();
        for (Document issue : mongo.getDatabase(database).getCollection("issues").find(Filters.and(filter, Filters.exists("text")))
                .projection(Projections.include("metadata", "text")).sort(Sorts.ascending("receivedAt")).batchSize(ISSUES_PER_REPLY)) {
            IssueMetadata metadata = codec.read(issue.get("metadata", Document.class).toJson().getBytes(StandardCharsets.UTF_8), IssueMetadata.class);
            issues.add(new RawIssue(issue.getString("_id"), metadata, issue.getString("text")));
        }
        return issues;
    }

    /**
     * Sends the issues, waits for the broker to have them all, then follows the stages until parse has taken every one
     * and enrich and publish have nothing left to do, reporting as it goes.
     */
    public Progress run(List<RawIssue> issues, Duration reportEvery, Duration timeout, Consumer<Progress> report) throws Exception {
        Map<TopicPartition, Long> rawBefore = ends(EventType.RAW_ISSUE);
        long publishedBefore = committed("publish-service", EventType.ARTICLE_ENRICHED);
        Instant start = Instant.now();
        send(issues);
        Instant deadline = start.plus(timeout);
        while (true) {
            long issuesDone = Math.min(issues.size(), progressOver(rawBefore));
            boolean finished = issuesDone >= issues.size() && lag("enrich-service", EventType.ARTICLE_PARSED) == 0
                    && lag("publish-service", EventType.ARTICLE_ENRICHED) == 0;
            Progress progress = new Progress(issuesDone, issues.size(), committed("publish-service", EventType.ARTICLE_ENRICHED) - publishedBefore,
                    Duration.between(start, Instant.now()).toMillis() / 1000.0, finished);
            report.accept(progress);
            if (finished || Instant.now().isAfter(deadline)) {
                return progress;
            }
            Thread.sleep(reportEvery.toMillis());
        }
    }

    private void send(List<RawIssue> issues) throws Exception {
        List<Future<?>> acks = new ArrayList<>(issues.size());
        for (RawIssue issue : issues) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.RAW_ISSUE.topic(), issue.issueId(), codec.write(issue));
            EventHeaders.forNewEvent(EventType.RAW_ISSUE, SOURCE, issue.issueId(), issue.issueId(), Instant.now())
                    .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            acks.add(producer.send(record));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }

    /** How far parse has read past where the raw topic ended before the sends. */
    private long progressOver(Map<TopicPartition, Long> rawBefore) throws Exception {
        Map<TopicPartition, Long> committed = committedOffsets("parse-service", EventType.RAW_ISSUE);
        return rawBefore.entrySet().stream().mapToLong(e -> Math.max(0, committed.getOrDefault(e.getKey(), 0L) - e.getValue())).sum();
    }

    private long lag(String group, EventType input) throws Exception {
        Map<TopicPartition, Long> committed = committedOffsets(group, input);
        return ends(input).entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L))).sum();
    }

    private long committed(String group, EventType input) throws Exception {
        return committedOffsets(group, input).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> committedOffsets(String group, EventType input) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
            if (partition.topic().equals(input.topic()) && offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    private Map<TopicPartition, Long> ends(EventType type) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(List.of(type.topic())).allTopicNames().get().get(type.topic()).partitions()
                .forEach(p -> partitions.add(new TopicPartition(type.topic(), p.partition())));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
        mongo.close();
    }
}
