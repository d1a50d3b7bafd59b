package cn.hexi.newsroom.publish.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.events.Span;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleStoreTest {

    private static final String ISSUE = "0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ArticleStore store;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new ArticleStore(client.getDatabase("newsroom"), new EventCodec());
        store.createIndexes();
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdown();
    }

    @Test
    void firstVersionIsInsertedAndRecordedOnItsIssue() {
        ArticleStore.Stored stored = store.store(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW);

        assertThat(stored.outcome()).isEqualTo(StoreOutcome.INSERTED);
        assertThat(stored.notifiedVersion()).isZero();
        Document doc = store.article(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.getLong("version")).isEqualTo(10);
        assertThat(doc.getList("placeCodes", String.class)).containsExactly("120103003", "120103", "120000");
        assertThat(store.issue(ISSUE).orElseThrow().getList("storedArticleIds", String.class)).containsExactly(ParsedArticle.articleId(ISSUE, 1));
    }

    @Test
    void newerVersionWithNewContentReplacesTheStoredOne() {
        store.store(article("第一段。", 10, null), NOW);

        ArticleStore.Stored stored = store.store(article("改过的第一段。", 11, null), NOW.plusSeconds(5));

        assertThat(stored.outcome()).isEqualTo(StoreOutcome.UPDATED);
        Document doc = store.article(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.getLong("version")).isEqualTo(11);
        assertThat(doc.get("article", Document.class).getList("body", Document.class).get(0).getString("text")).isEqualTo("改过的第一段。");
    }

    @Test
    void olderVersionArrivingLateChangesNothing() {
        store.store(article("新的。", 11, null), NOW);

        ArticleStore.Stored stored = store.store(article("旧的。", 10, null), NOW.plusSeconds(5));

        assertThat(stored.outcome()).isEqualTo(StoreOutcome.UNCHANGED);
        assertThat(stored.version()).isEqualTo(11);
        Document doc = store.article(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.get("article", Document.class).getList("body", Document.class).get(0).getString("text")).isEqualTo("新的。");
    }

    @Test
    void replayOfTheSameVersionAndReEnrichmentWithEqualContentChangeNothing() {
        store.store(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW);

        assertThat(store.store(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW.plusSeconds(1)).outcome())
                .isEqualTo(StoreOutcome.UNCHANGED);
        // The same issue sent again: a newer enrichment, a new arrival time, but the same content.
        assertThat(store.store(article("第一段。", 12, Instant.parse("2026-11-23T07:30:00Z")), NOW.plusSeconds(2)).outcome())
                .isEqualTo(StoreOutcome.UNCHANGED);
        assertThat(store.article(ParsedArticle.articleId(ISSUE, 1)).orElseThrow().getLong("version")).isEqualTo(10);
        assertThat(store.articleCount()).isEqualTo(1);
    }

    @Test
    void notificationMarkNeverMovesBackwards() {
        store.store(article("第一段。", 10, null), NOW);
        store.markNotified(ParsedArticle.articleId(ISSUE, 1), 10);
        store.markNotified(ParsedArticle.articleId(ISSUE, 1), 9);

        ArticleStore.Stored replay = store.store(article("第一段。", 10, null), NOW);
        assertThat(replay.notifiedVersion()).isEqualTo(10);
    }

    private static EnrichedArticle article(String paragraph, long version, Instant receivedAt) {
        IssueMetadata issue = new IssueMetadata(null, null, null, "000.txt", receivedAt == null ? NOW : receivedAt);
        ParsedArticle article = new ParsedArticle(ISSUE, ParsedArticle.articleId(ISSUE, 1), 1, issue, "news", null, null, "标题", null, null,
                List.of(), List.of(), List.of(new BodyItem(BodyItem.PARAGRAPH, paragraph, List.of(new Span(0, paragraph.length())))),
                List.of(), Map.of());
        Place street = new Place("桃园街道", "street", "120103003", List.of("120103", "120000"), null, 1.0,
                List.of(new Mention(0, 0, 4, "桃园街道")), true);
        return new EnrichedArticle(article, new Enrichment(version, "test", NOW, List.of(street), List.of(), List.of(), List.of(), List.of(),
                List.of(), null));
    }
}
