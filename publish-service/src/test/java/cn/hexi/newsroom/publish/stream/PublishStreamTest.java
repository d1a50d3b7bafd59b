package cn.hexi.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.publish.PublishTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PublishStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PublishTestSupport.properties(registry);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void enrichedArticleIsStoredNotifiedAndPushedLiveToConnectedPagesWhichResumeFromLastEventId() throws Exception {
        BlockingQueue<String> live = listen(null);
        EnrichedArticle article = PublishTestSupport.article(RawRecords.randomIssueId(), "燃气安全进社区", "燃气安全");

        publisher.publish(EventType.ARTICLE_ENRICHED, article.article().articleId(), article.article().issueId(), article);

        String eventId = awaitEvent(live, article.article().articleId());
        try (TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            ArticlePublished notification = published.awaitCount(1, TIMEOUT).stream()
                    .filter(r -> r.key().equals(article.article().articleId()))
                    .map(r -> EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, r, ArticlePublished.class)).findFirst().orElseThrow();
            assertThat(notification.headline()).isEqualTo("燃气安全进社区");
            assertThat(notification.tags()).containsExactly("燃气安全");
        }
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/"
                + article.article().articleId())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);

        // A page that saw nothing yet (Last-Event-ID 0) gets the article replayed.
        BlockingQueue<String> resumed = listen(0L);
        assertThat(awaitEvent(resumed, article.article().articleId())).isEqualTo(eventId);
    }

    @Test
    void malformedEnrichedEventIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        String badKey = RawRecords.randomIssueId() + "-001";
        RawRecords.send(bootstrapServers, EventType.ARTICLE_ENRICHED.topic(), badKey,
                "{\"article\": {\"kind\": \"news\"}, \"enrichment\": {\"version\": 1}}".getBytes(StandardCharsets.UTF_8));
        EnrichedArticle good = PublishTestSupport.article(RawRecords.randomIssueId(), "后一篇", "燃气安全");
        publisher.publish(EventType.ARTICLE_ENRICHED, good.article().articleId(), good.article().issueId(), good);

        try (TopicProbe dead = new TopicProbe(bootstrapServers, EventType.ARTICLE_ENRICHED.deadLetterTopic("publish"));
             TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            ConsumerRecord<String, byte[]> deadLetter = dead.awaitCount(1, TIMEOUT).get(0);
            assertThat(deadLetter.key()).isEqualTo(badKey);
            assertThat(TopicProbe.headers(deadLetter).get("x-exception-message")).contains("not a valid EnrichedArticle");
            assertThat(published.awaitCount(2, TIMEOUT)).anySatisfy(r -> assertThat(r.key()).isEqualTo(good.article().articleId()));
        }
    }

    /** A browser shows the page as live when the stream's first bytes arrive: at once, not at the first heartbeat. */
    @Test
    void aLivePageWithNothingToCatchUpOnHearsFromTheStreamAtOnce() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/stream"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(3, TimeUnit.SECONDS);
        try (Stream<String> lines = response.body()) {
            String first = CompletableFuture.supplyAsync(() -> lines.findFirst().orElse("")).get(3, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(first).isEqualTo(":connected");
        }
    }

    /** Connects to the live stream and collects each event as "id data". */
    private BlockingQueue<String> listen(Long lastEventId) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId.toString());
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            String[] id = {null};
            response.body().forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    events.add(id[0] + " " + line.substring(5));
                }
            });
        });
        return events;
    }

    private static String awaitEvent(BlockingQueue<String> events, String articleId) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String event = events.poll(500, TimeUnit.MILLISECONDS);
            if (event != null && event.contains("\"articleId\":\"" + articleId + "\"")) {
                return event.substring(0, event.indexOf(' '));
            }
        }
        throw new AssertionError("no live event for " + articleId);
    }
}
