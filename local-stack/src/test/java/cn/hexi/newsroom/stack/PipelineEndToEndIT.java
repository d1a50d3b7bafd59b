package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.TopicProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker (KRaft) and the embedded MongoDB store, with the four services
 * running from their jars: the five seed issues go in over HTTP and come out as stored, notified articles.
 */
class PipelineEndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("newsroom.repo", ".."));
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path data;
    static LocalStack stack;
    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void startStack() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String port : List.of("kafka", "kafka-controller", "mongo")) {
            ports.put(port, 0);
        }
        LocalStack.SERVICES.forEach(service -> ports.put(service, 0));
        stack = LocalStack.start(new LocalStack.Settings(REPO, data, false, null, null, ports, "256m", "test-key"));
        mongo = MongoClients.create(stack.mongoUri());
        db = mongo.getDatabase("newsroom");
    }

    @AfterAll
    static void stopStack() {
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void seedIssuesFlowFromIngestToPublishedArticlesAndSendingThemAgainChangesNothing() throws Exception {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(REPO.resolve("seeds"))) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(seeds).hasSize(5);
        IssueUploader uploader = new IssueUploader(stack.service("ingest-service").url("/api/issues"));

        HttpResponse<String> accepted = uploader.upload(seeds);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // Every issue recorded with its article count, every article stored and notified.
        awaitTrue(() -> db.getCollection("issues").countDocuments(new Document("articleCount", new Document("$gt", 0))) == 5);
        List<Document> issues = db.getCollection("issues").find().into(new java.util.ArrayList<>());
        Set<String> issueIds = new HashSet<>();
        Set<String> expectedArticleIds = new HashSet<>();
        for (Document issue : issues) {
            issueIds.add(issue.getString("_id"));
            expectedArticleIds.addAll(issue.getList("articleIds", String.class));
        }
        int articleCount = expectedArticleIds.size();
        assertThat(articleCount).isGreaterThan(30);
        awaitTrue(() -> db.getCollection("articles").countDocuments() == articleCount);

        Set<String> storedIds = new HashSet<>();
        for (Document article : db.getCollection("articles").find()) {
            storedIds.add(article.getString("_id"));
            assertThat(issueIds).contains(article.getString("issueId"));
        }
        assertThat(storedIds).isEqualTo(expectedArticleIds);

        try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
            List<ConsumerRecord<String, byte[]>> notifications = published.awaitCount(articleCount, FLOW_TIMEOUT);
            assertThat(notifications).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expectedArticleIds);
            for (ConsumerRecord<String, byte[]> record : notifications) {
                ArticlePublished notification = EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, record, ArticlePublished.class);
                assertThat(notification.url()).endsWith(notification.articleId());
            }
        }

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                stack.service("publish-service").url("/api/articles?limit=200")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode listing = JsonMapper.builder().build().readTree(page.body());
        assertThat(listing.get("items").size()).isEqualTo(articleCount);
        assertThat(listing.get("nextCursor").isNull()).isTrue();

        // The same seeds again: same issue ids, nothing new stored or notified.
        HttpResponse<String> again = uploader.upload(seeds);
        assertThat(again.statusCode()).isEqualTo(202);
        for (String issueId : issueIds) {
            assertThat(again.body()).contains(issueId);
        }
        awaitTrue(() -> scrape("publish-service", "newsroom_stage_records_in_total", "stage=\"publish\"") >= 2.0 * articleCount);
        assertThat(db.getCollection("articles").countDocuments()).isEqualTo(articleCount);
        assertThat(db.getCollection("issues").countDocuments()).isEqualTo(5);
        try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
            assertThat(published.drain(Duration.ofSeconds(3))).hasSize(articleCount);
        }
    }

    @Test
    void everyEventOnEveryPipelineTopicHonoursItsSchemaAndCloudEventsHeaders() throws Exception {
        HttpResponse<String> accepted = new IssueUploader(stack.service("ingest-service").url("/api/issues"))
                .upload(List.of(REPO.resolve("seeds/002_a18265de50452ea7.txt")));
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitTrue(() -> db.getCollection("articles").countDocuments() > 0);

        Map<EventType, Class<?>> payloads = Map.of(
                EventType.RAW_ISSUE, RawIssue.class,
                EventType.ISSUE_PARSED, IssueParsed.class,
                EventType.ARTICLE_PARSED, ParsedArticle.class,
                EventType.ARTICLE_ENRICHED, EnrichedArticle.class,
                EventType.ARTICLE_PUBLISHED, ArticlePublished.class);
        for (var entry : payloads.entrySet()) {
            try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrap(), entry.getKey().topic())) {
                List<ConsumerRecord<String, byte[]>> records = probe.drain(Duration.ofSeconds(3));
                assertThat(records).as(entry.getKey().topic()).isNotEmpty();
                records.forEach(r -> EventAssertions.assertConforms(entry.getKey(), r, entry.getValue()));
            }
        }
    }

    private static double scrape(String service, String metric, String labelFilter) throws Exception {
        URI uri = stack.service(service).url("/actuator/prometheus");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(metric) && l.contains(labelFilter))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void awaitTrue(CheckedCondition condition) throws Exception {
        Instant deadline = Instant.now().plus(FLOW_TIMEOUT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + FLOW_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
