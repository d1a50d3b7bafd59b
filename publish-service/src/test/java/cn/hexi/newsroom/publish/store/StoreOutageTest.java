package cn.hexi.newsroom.publish.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.publish.PublishTestSupport;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service reaches its store through a proxy the test cuts: an outage pauses publishing, and nothing is lost or doubled. */
@SpringBootTest
@OnEmbeddedBroker
class StoreOutageTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String DIRECT = MONGO.bindAndGetConnectionString();
    private static final TcpProxy PROXY = proxy();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PROXY.port() + "/newsroom");
        registry.add("newsroom.publish.server-selection-timeout", () -> "1s");
        registry.add("newsroom.publish.outage-max-wait", () -> "1s");
        // A small retry budget: without the pause, the outage below would send the article to the dead letters.
        registry.add("spring.cloud.stream.bindings.publishArticle-in-0.consumer.max-attempts", () -> "2");
        registry.add("spring.cloud.stream.bindings.publishArticle-in-0.consumer.back-off-initial-interval", () -> "100");
    }

    @AfterAll
    static void stop() throws IOException {
        PROXY.close();
        MONGO.shutdown();
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;

    @Test
    void articleArrivingDuringAStoreOutageIsStoredAndNotifiedOnceWhenTheStoreIsBack() throws Exception {
        EnrichedArticle article = PublishTestSupport.article(RawRecords.randomIssueId(), "停电期间的稿件", "燃气安全");
        String id = article.article().articleId();
        try (MongoClient direct = MongoClients.create(DIRECT);
             TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic());
             TopicProbe dead = new TopicProbe(bootstrapServers, EventType.ARTICLE_ENRICHED.deadLetterTopic("publish"))) {
            MongoCollection<Document> articles = direct.getDatabase("newsroom").getCollection(ArticleStore.ARTICLES);

            PROXY.cut();
            publisher.publish(EventType.ARTICLE_ENRICHED, id, article.article().issueId(), article);
            // Nothing is stored for six seconds, well past the binder's retries, which would end in the dead letters.
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> articles.countDocuments(new Document("_id", id)) == 0);
            assertThat(dead.drain(Duration.ofSeconds(1))).noneMatch(r -> r.key().equals(id));

            PROXY.restore();
            await().atMost(Duration.ofSeconds(30)).until(() -> articles.countDocuments(new Document("_id", id)) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> published.drain(Duration.ofMillis(500)).stream().anyMatch(r -> r.key().equals(id)));
            assertThat(published.drain(Duration.ofSeconds(3))).filteredOn(r -> r.key().equals(id)).hasSize(1);
            assertThat(dead.drain(Duration.ofSeconds(1))).noneMatch(r -> r.key().equals(id));
            assertThat(articles.find(new Document("_id", id)).first().getLong("notifiedVersion")).isEqualTo(article.enrichment().version());
        }
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy(Integer.parseInt(DIRECT.substring(DIRECT.lastIndexOf(':') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
