package cn.hexi.newsroom.publish.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.publish.decision.ContentHash;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Decision.Action;
import cn.hexi.newsroom.publish.decision.PublishDecision;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private IssueStore issues;
    private final PublishDecision decision = new PublishDecision(new ContentHash(new EventCodec()));

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        issues = new IssueStore(client.getDatabase("newsroom"), new EventCodec());
        store = new ArticleStore(client.getDatabase("newsroom"), new EventCodec(), PaperHome.STANDARD.timeZone(), issues);
        store.createIndexes();
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdown();
    }

    @Test
    void firstVersionIsInsertedAndRecordedOnItsIssue() {
        Decision decision = publish(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW);

        assertThat(decision.action()).isEqualTo(Action.INSERT);
        Document doc = document(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.getLong("version")).isEqualTo(10);
        assertThat(doc.getLong("notifiedVersion")).isZero();
        assertThat(doc.getList("placeCodes", String.class)).containsExactly("120103003", "120103", "120000", "120103003006");
        assertThat(issues.issue(ISSUE).orElseThrow().storedArticleIds()).containsExactly(ParsedArticle.articleId(ISSUE, 1));
    }

    @Test
    void newerVersionWithNewContentReplacesTheStoredOne() {
        publish(article("第一段。", 10, null), NOW);

        Decision decision = publish(article("改过的第一段。", 11, null), NOW.plusSeconds(5));

        assertThat(decision.action()).isEqualTo(Action.REPLACE);
        Document doc = document(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.getLong("version")).isEqualTo(11);
        assertThat(doc.get("article", Document.class).getList("body", Document.class).get(0).getString("text")).isEqualTo("改过的第一段。");
    }

    @Test
    void olderVersionArrivingLateChangesNothing() {
        publish(article("新的。", 11, null), NOW);

        Decision decision = publish(article("旧的。", 10, null), NOW.plusSeconds(5));

        assertThat(decision.action()).isEqualTo(Action.UNCHANGED);
        Document doc = document(ParsedArticle.articleId(ISSUE, 1)).orElseThrow();
        assertThat(doc.getLong("version")).isEqualTo(11);
        assertThat(doc.get("article", Document.class).getList("body", Document.class).get(0).getString("text")).isEqualTo("新的。");
    }

    @Test
    void replayOfTheSameVersionAndReEnrichmentWithEqualContentChangeNothing() {
        Decision first = publish(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW);
        store.markNotified(List.of(first));

        assertThat(publish(article("第一段。", 10, Instant.parse("2026-11-23T07:00:00Z")), NOW.plusSeconds(1)).action())
                .isEqualTo(Action.UNCHANGED);
        // The same issue sent again: a newer enrichment, a new arrival time, but the same content.
        assertThat(publish(article("第一段。", 12, Instant.parse("2026-11-23T07:30:00Z")), NOW.plusSeconds(2)).action())
                .isEqualTo(Action.UNCHANGED);
        assertThat(document(ParsedArticle.articleId(ISSUE, 1)).orElseThrow().getLong("version")).isEqualTo(10);
        assertThat(store.search(query(null, null, null, null, 10)).items()).hasSize(1);
    }

    @Test
    void storedVersionWhoseNotificationWasNotMarkedIsNotifiedWhenItsRecordComesAgain() {
        publish(article("第一段。", 10, null), NOW);

        Decision replay = publish(article("第一段。", 10, null), NOW.plusSeconds(1));

        assertThat(replay.action()).isEqualTo(Action.NOTIFY_STORED);
        assertThat(replay.publishedAt()).isEqualTo(NOW);
        store.markNotified(List.of(replay));
        assertThat(publish(article("第一段。", 10, null), NOW.plusSeconds(2)).action()).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void notifiedMarkOfAVersionNoLongerStoredChangesNothing() {
        Decision first = publish(article("第一段。", 10, null), NOW);
        Decision second = publish(article("第二版。", 11, null), NOW.plusSeconds(1));

        store.markNotified(List.of(second));
        store.markNotified(List.of(first));

        assertThat(document(ParsedArticle.articleId(ISSUE, 1)).orElseThrow().getLong("notifiedVersion")).isEqualTo(11);
    }

    @Test
    void writeThatLostToAnotherWriterIsReportedAndLeavesTheOtherWritersVersion() {
        publish(article("第一段。", 10, null), NOW);
        String id = ParsedArticle.articleId(ISSUE, 1);
        // This writer read version 10; another writer stores 11 before this one writes 12 over the 10 it read.
        List<Decision> stale = decision.decide(List.of(article("第三版。", 12, null)), store.states(List.of(id)), NOW.plusSeconds(2));
        publish(article("第二版。", 11, null), NOW.plusSeconds(1));

        assertThat(store.write(stale, NOW.plusSeconds(2))).containsExactly(id);
        assertThat(document(id).orElseThrow().getLong("version")).isEqualTo(11);
        // Two writers inserting the same new article: the second loses on the id.
        List<Decision> insert = decision.decide(List.of(article(2, "新稿。", 1, NOW)), Map.of(), NOW);
        assertThat(store.write(insert, NOW)).isEmpty();
        assertThat(store.write(insert, NOW)).containsExactly(ParsedArticle.articleId(ISSUE, 2));
    }

    @Test
    void batchOfManyArticlesIsStoredInOneWriteWithEachVersionOnce() {
        List<EnrichedArticle> batch = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            batch.add(article(i, "第" + i + "段。", 1, NOW));
        }
        batch.add(article(7, "第7段改过。", 2, NOW));

        List<Decision> decisions = decision.decide(batch, store.states(batch.stream().map(a -> a.article().articleId()).toList()), NOW);

        assertThat(store.write(decisions, NOW)).isEmpty();
        assertThat(decisions).hasSize(50);
        assertThat(document(ParsedArticle.articleId(ISSUE, 7)).orElseThrow().getLong("version")).isEqualTo(2);
        assertThat(issues.issue(ISSUE).orElseThrow().storedArticleIds()).hasSize(50);
    }

    /** One article through the publish decision and the store, as a batch of one. */
    private Decision publish(EnrichedArticle article, Instant now) {
        List<Decision> decisions = decision.decide(List.of(article), store.states(List.of(article.article().articleId())), now);
        store.write(decisions, now);
        return decisions.get(0);
    }

    @Test
    void searchFiltersByTagPlaceHierarchyTextAndDateAndPagesByCursor() {
        for (int i = 1; i <= 5; i++) {
            publish(article(i, "第" + i + "段,讲燃气安全。", 1, NOW), NOW.plusSeconds(i));
        }
        publish(article(6, "另一段,讲教育。", 1, NOW), NOW.plusSeconds(6));

        // The articles name a community; its street's code finds them, and so does the street's name.
        assertThat(store.search(query(null, "120103003", null, null, 10)).items()).hasSize(6);
        assertThat(store.placeCode("桃园街道")).isEqualTo("120103003");
        assertThat(store.search(query(null, "120101", null, null, 10)).items()).isEmpty();
        assertThat(store.search(query("燃气安全", null, null, null, 10)).items()).hasSize(5);
        assertThat(store.search(query(null, null, "教育", null, 10)).items()).extracting(PublishedArticle::articleId)
                .containsExactly(ParsedArticle.articleId(ISSUE, 6));
        assertThat(store.search(query(null, null, null, LocalDate.of(2026, 11, 23), 10)).items()).hasSize(6);
        assertThat(store.search(query(null, null, null, LocalDate.of(2026, 11, 24), 10)).items()).isEmpty();

        ArticleStore.ArticlePage first = store.search(query("燃气安全", null, null, null, 2));
        ArticleStore.ArticlePage second = store.search(new ArticleQuery("燃气安全", null, null, null, null, null, null, null, first.nextCursor(), 2));
        ArticleStore.ArticlePage third = store.search(new ArticleQuery("燃气安全", null, null, null, null, null, null, null, second.nextCursor(), 2));
        assertThat(first.items()).extracting(PublishedArticle::articleId).containsExactly(ParsedArticle.articleId(ISSUE, 5), ParsedArticle.articleId(ISSUE, 4));
        assertThat(second.items()).extracting(PublishedArticle::articleId).containsExactly(ParsedArticle.articleId(ISSUE, 3), ParsedArticle.articleId(ISSUE, 2));
        assertThat(third.items()).extracting(PublishedArticle::articleId).containsExactly(ParsedArticle.articleId(ISSUE, 1));
        assertThat(third.nextCursor()).isNull();
        assertThatThrownBy(() -> store.search(new ArticleQuery(null, null, null, null, null, null, null, null, "bm90LWEtY3Vyc29y", 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ArticleQuery query(String tag, String place, String text, LocalDate day, int limit) {
        return new ArticleQuery(tag, place, null, null, null, day, day, text, null, limit);
    }

    private static EnrichedArticle article(String paragraph, long version, Instant receivedAt) {
        return article(1, paragraph, version, receivedAt);
    }

    private static EnrichedArticle article(int sequence, String paragraph, long version, Instant receivedAt) {
        IssueMetadata issue = new IssueMetadata(null, null, null, "000.txt", receivedAt == null ? NOW : receivedAt);
        ParsedArticle article = new ParsedArticle(ISSUE, ParsedArticle.articleId(ISSUE, sequence), sequence, issue, ArticleKind.NEWS, null, null, "标题", null, null,
                List.of(), List.of(), List.of(new BodyItem(BodyItem.PARAGRAPH, paragraph, List.of(new Span(0, paragraph.length())))),
                List.of(), Map.of());
        Place street = new Place("桃园街道", "street", "120103003", List.of("120103", "120000"), null, 1.0,
                List.of(new Mention(0, 0, 4, "桃园街道")), false);
        Place community = new Place("罗兰花园社区", "community", "120103003006", List.of("120103003", "120103", "120000"), null, 1.0,
                List.of(new Mention(0, 4, 10, "罗兰花园社区")), true);
        List<Enrichment.Tag> tags = paragraph.contains("燃气") ? List.of(new Enrichment.Tag("燃气安全", 1.0, List.of("燃气"))) : List.of();
        return new EnrichedArticle(article, new Enrichment(version, "test", NOW, List.of(street, community), tags, List.of(), List.of(),
                List.of(), List.of(), null));
    }

    /** The article's document as downstream readers of the store see it. */
    private Optional<Document> document(String id) {
        return Optional.ofNullable(client.getDatabase("newsroom").getCollection(ArticleStore.ARTICLES).find(Filters.eq("_id", id)).first());
    }
}
