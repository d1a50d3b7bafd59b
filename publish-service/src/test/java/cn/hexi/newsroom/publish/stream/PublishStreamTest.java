package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Notifications;
import cn.hexi.newsroom.publish.decision.PublishDecision;
import cn.hexi.newsroom.publish.decision.StoredState;
import cn.hexi.newsroom.publish.live.ArticleFeed;
import cn.hexi.newsroom.publish.store.ArticleStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
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
import org.springframework.boot.test.web.server.LocalServerPort;

@PublishServiceTest
class PublishStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    ArticleStore store;
    @Autowired
    ArticleFeed feed;
    @Autowired
    PublishDecision decision;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    Notifications notifications;

    private static final String BINDING = "publishArticle-in-0";

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
            Awaitility.await().atMost(TIMEOUT).until(() -> withKey(dead.drain(Duration.ofMillis(300)), badKey) == 1);
            ConsumerRecord<String, byte[]> deadLetter = dead.drain(Duration.ZERO).stream().filter(r -> badKey.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.headers(deadLetter).get("x-exception-message")).contains("not a valid EnrichedArticle");
            Awaitility.await().atMost(TIMEOUT).until(() -> withKey(published.drain(Duration.ofMillis(300)), good.article().articleId()) == 1);
        }
    }

    @Test
    void batchRedeliveredAfterACrashBetweenTheStoreWriteAndTheAcknowledgementChangesNothingAndNotifiesOnce() throws Exception {
        EnrichedArticle article = PublishTestSupport.article(RawRecords.randomIssueId(), "燃气安全进社区", "燃气安全");
        String id = article.article().articleId();
        Instant crashedAt = Instant.now().minusSeconds(60);
        // The stage stopped right after its store write: the version is stored, nothing was notified or acknowledged.
        store.write(decision.decide(List.of(article), Map.of(), crashedAt), crashedAt);
        Outgoing redelivered = new Outgoing(EventType.ARTICLE_ENRICHED, id, article.article().issueId(), article);

        publisher.publishAll(List.of(redelivered, redelivered));

        try (TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            Awaitility.await().atMost(TIMEOUT).until(() -> withKey(published.drain(Duration.ofMillis(300)), id) == 1);
            publisher.publish(EventType.ARTICLE_ENRICHED, id, article.article().issueId(), article);
            assertThat(withKey(published.drain(Duration.ofSeconds(3)), id)).isEqualTo(1);
        }
        StoredState stored = store.stored(id).orElseThrow().state();
        assertThat(stored.version()).isEqualTo(article.enrichment().version());
        assertThat(stored.notifiedVersion()).isEqualTo(article.enrichment().version());
        assertThat(stored.publishedAt()).isEqualTo(crashedAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(feed.after(0, 10_000)).filteredOn(e -> e.article().articleId().equals(id)).hasSize(1);
    }

    @Test
    void batchRedeliveredAfterACrashBetweenSendingTheNotificationAndMarkingItDoesNotNotifyAgain() throws Exception {
        EnrichedArticle article = PublishTestSupport.article(RawRecords.randomIssueId(), "消防安全进校园", "消防安全");
        String id = article.article().articleId();
        Instant crashedAt = Instant.now().minusSeconds(30);
        // The stage stopped after the broker had the notification, before it marked the version notified.
        List<Decision> stored = decision.decide(List.of(article), Map.of(), crashedAt);
        store.write(stored, crashedAt);
        publisher.publish(EventType.ARTICLE_PUBLISHED, id, article.article().issueId(), notifications.of(stored.get(0)));

        publisher.publish(EventType.ARTICLE_ENRICHED, id, article.article().issueId(), article);

        Awaitility.await().atMost(TIMEOUT).until(() -> store.stored(id).orElseThrow().state().notifiedVersion() == article.enrichment().version());
        try (TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            assertThat(withKey(published.drain(Duration.ofSeconds(2)), id)).isEqualTo(1);
        }
        assertThat(feed.after(0, 10_000)).filteredOn(e -> e.article().articleId().equals(id)).hasSize(1);
    }

    @Test
    void malformedRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheArticlesAroundItArePublishedOnce() throws Exception {
        EnrichedArticle first = PublishTestSupport.article(RawRecords.randomIssueId(), "前一篇", "燃气安全");
        EnrichedArticle last = PublishTestSupport.article(RawRecords.randomIssueId(), "后一篇", "燃气安全");
        String badKey = RawRecords.randomIssueId() + "-001";
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        RawRecords.sendInOrder(bootstrapServers, EventType.ARTICLE_ENRICHED.topic(), 0, List.of(
                Map.entry(first.article().articleId(), codec.write(first)),
                Map.entry(badKey, "{\"article\": null".getBytes(StandardCharsets.UTF_8)),
                Map.entry(first.article().articleId(), codec.write(first)),
                Map.entry(last.article().articleId(), codec.write(last))));
        bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);

        try (TopicProbe dead = new TopicProbe(bootstrapServers, EventType.ARTICLE_ENRICHED.deadLetterTopic("publish"));
             TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            Awaitility.await().atMost(TIMEOUT).until(() -> withKey(published.drain(Duration.ofMillis(300)), last.article().articleId()) == 1);
            List<ConsumerRecord<String, byte[]>> notifications = published.drain(Duration.ofSeconds(2));
            assertThat(withKey(notifications, first.article().articleId())).isEqualTo(1);
            assertThat(withKey(notifications, last.article().articleId())).isEqualTo(1);
            assertThat(withKey(dead.drain(Duration.ofSeconds(1)), badKey)).isEqualTo(1);
        }
    }

    private static long withKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).count();
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
