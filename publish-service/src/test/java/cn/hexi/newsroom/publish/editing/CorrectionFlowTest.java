package cn.hexi.newsroom.publish.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.decision.CorrectionPatch;
import cn.hexi.newsroom.publish.decision.Corrector;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.ninjs.NinjsSchema;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.PendingEdits;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An editor's correction as downstream systems and the pipeline meet it: a new version, notified as corrected on the
 * topic, kept over the pipeline's next output until the editor clears it, listed in the history; a withdrawal takes
 * the article out of lists and feeds.
 */
@PublishServiceTest
class CorrectionFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    ArticleStore store;
    @Autowired
    PendingEdits pendingEdits;
    @Autowired
    EditNotifications editNotifications;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCorrectionIsNotifiedKeptOverThePipelinesNextOutputUntilClearedAndListedInTheHistory() throws Exception {
        EnrichedArticle machine = PublishTestSupport.article(RawRecords.randomIssueId(), "燃气安全进社区", "燃气安全");
        String id = machine.article().articleId();
        publishAndAwait(machine, "燃气安全进社区");

        HttpResponse<String> corrected = patch(id, "{\"headline\": \"<b>燃气安全</b>进万家\", \"tags\": [\"燃气安全\", \"社区服务\"]}", null);

        assertThat(corrected.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(corrected.body());
        assertThat(view.at("/article/headline").asString()).as("kept as typed, markup and all").isEqualTo("<b>燃气安全</b>进万家");
        assertThat(view.get("change").asString()).isEqualTo("corrected");
        assertThat(view.get("corrections").findValuesAsString("field")).containsExactly("headline", "tags");
        assertThat(view.get("corrections").get(0).get("editor").asString()).isEqualTo("万彤");
        assertThat(corrected.headers().firstValue("ETag")).hasValue("\"" + view.get("version").asLong() + "\"");
        ArticlePublished notification = notification(id, ArticleChange.CORRECTED);
        assertThat(notification.headline()).isEqualTo("<b>燃气安全</b>进万家");
        assertThat(notification.tags()).containsExactly("燃气安全", "社区服务");
        assertThat(notification.changedFields()).containsExactly("headline", "tags");

        EnrichedArticle newOutput = withBody(machine, "社区开展燃气安全宣传,居民踊跃参加。", Instant.now().toEpochMilli());
        publisher.publish(EventType.ARTICLE_ENRICHED, id, newOutput.article().issueId(), newOutput);
        JsonNode updated = awaitArticle(id, a -> a.at("/article/body/0/text").asString().contains("踊跃"));
        assertThat(updated.at("/article/headline").asString()).as("the editor's headline survives").isEqualTo("<b>燃气安全</b>进万家");
        assertThat(updated.get("change").asString()).isEqualTo("updated");

        HttpResponse<String> cleared = patch(id, "{\"headline\": null}", "\"" + updated.get("version").asLong() + "\"");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cleared.body()).at("/article/headline").asString()).isEqualTo("燃气安全进社区");
        assertThat(JSON.readTree(cleared.body()).get("corrections").findValuesAsString("field")).containsExactly("tags");

        JsonNode versions = JSON.readTree(get("/api/articles/" + id + "/versions").body());
        assertThat(versions.findValuesAsString("change")).containsExactly("published", "corrected", "updated", "corrected");
        assertThat(versions.get(1).get("editor").asString()).isEqualTo("万彤");
        assertThat(versions.get(1).get("changes").findValuesAsString("field")).containsExactly("headline", "tags");
        assertThat(versions.get(2).get("keptCorrections").valueStream().map(JsonNode::asString)).containsExactly("headline", "tags");
        assertThat(versions.get(3).get("changes").get(0).get("to").asString()).isEqualTo("燃气安全进社区");
    }

    @Test
    void anEditThatRacedAnotherIsRefusedWithTheVersionItMissedAndAWithdrawalTakesTheArticleOutOfListsAndFeeds() throws Exception {
        EnrichedArticle machine = PublishTestSupport.article(RawRecords.randomIssueId(), "撤稿测试" + System.nanoTime(), "撤稿测试");
        String id = machine.article().articleId();
        publishAndAwait(machine, machine.article().headline());

        HttpResponse<String> stale = patch(id, "{\"section\": \"要闻\"}", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(machine.enrichment().version());

        HttpResponse<String> withdrawn = send("POST", "/api/articles/" + id + "/withdraw", "application/json", "{\"reason\": \"与另一篇重复\"}", null);

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("status").asString()).isEqualTo("withdrawn");
        assertThat(notification(id, ArticleChange.WITHDRAWN).articleId()).isEqualTo(id);
        assertThat(get("/api/articles?q=" + URLEncoder.encode(machine.article().headline(), StandardCharsets.UTF_8)).body()).doesNotContain(id);
        assertThat(get("/feeds/articles.atom").body()).doesNotContain(id);
        String ninjs = get("/api/articles/" + id + "/ninjs").body();
        assertThat(JSON.readTree(ninjs).get("pubStatus").asString()).as("ninjs 3.1 has no withdrawn").isEqualTo("canceled");
        assertThat(NinjsSchema.violations(ninjs)).isEmpty();
        assertThat(patch(id, "{\"section\": \"要闻\"}", null).statusCode()).as("a withdrawn article is not corrected").isEqualTo(409);
        assertThat(JSON.readTree(get("/api/articles/" + id + "/versions").body()).get(1).get("note").asString()).isEqualTo("与另一篇重复");
    }

    @Test
    void anEditStoredButNotNotifiedIsNotifiedOnceByTheSweep() throws Exception {
        EnrichedArticle machine = PublishTestSupport.article(RawRecords.randomIssueId(), "中断演练" + System.nanoTime(), "中断演练");
        String id = machine.article().articleId();
        publishAndAwait(machine, machine.article().headline());
        // What a stop between the write and the notification leaves: the version stored and pending, nothing on the topic.
        Instant earlier = Instant.now().minusSeconds(600);
        Decision edit = new Corrector().correct(store.stored(id).orElseThrow(),
                CorrectionPatch.parse(Map.of("section", "要闻"), code -> Optional.empty()), "万彤", earlier);
        pendingEdits.add(id, edit.version(), earlier);
        assertThat(store.write(List.of(edit), earlier)).isEmpty();

        editNotifications.sweep();
        editNotifications.sweep();

        try (TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            assertThat(published.drain(Duration.ofSeconds(2)).stream().filter(r -> r.key().equals(id))
                    .map(r -> EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, r, ArticlePublished.class))
                    .filter(n -> n.change() == ArticleChange.CORRECTED)).singleElement()
                    .satisfies(n -> assertThat(n.section()).isEqualTo("要闻"));
        }
        assertThat(store.stored(id).orElseThrow().state().notifiedVersion()).isEqualTo(edit.version());
        assertThat(pendingEdits.olderThan(Instant.now())).noneMatch(p -> p.articleId().equals(id));
    }

    private void publishAndAwait(EnrichedArticle article, String headline) {
        publisher.publish(EventType.ARTICLE_ENRICHED, article.article().articleId(), article.article().issueId(), article);
        awaitArticle(article.article().articleId(), a -> headline.equals(a.at("/article/headline").asString()));
    }

    private JsonNode awaitArticle(String id, Predicate<JsonNode> condition) {
        return await().atMost(TIMEOUT).until(() -> {
            HttpResponse<String> response = get("/api/articles/" + id);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }, article -> article != null && condition.test(article));
    }

    private ArticlePublished notification(String id, ArticleChange change) {
        try (TopicProbe published = new TopicProbe(bootstrapServers, EventType.ARTICLE_PUBLISHED.topic())) {
            return published.awaitCount(r -> r.key().equals(id) && new String(r.value(), StandardCharsets.UTF_8).contains(
                            "\"change\":\"" + change.name().toLowerCase(Locale.ROOT) + "\""), 1, TIMEOUT).stream()
                    .map(r -> EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, r, ArticlePublished.class)).findFirst().orElseThrow();
        }
    }

    private static EnrichedArticle withBody(EnrichedArticle article, String text, long version) {
        ParsedArticle parsed = article.article().withBody(List.of(new BodyItem(BodyItem.PARAGRAPH, text, List.of(new Span(0, text.length())))),
                List.of());
        Enrichment e = article.enrichment();
        return new EnrichedArticle(parsed, new Enrichment(version, e.enricher(), e.enrichedAt(), e.places(), e.tags(), e.keywords(), e.people(),
                e.organisations(), e.dates(), text));
    }

    private HttpResponse<String> patch(String id, String json, String ifMatch) throws Exception {
        return send("PATCH", "/api/articles/" + id, EditingController.MERGE_PATCH, json, ifMatch);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", contentType)
                .header("X-API-Key", PublishTestSupport.API_KEY)
                .header(EditingController.EDITOR_HEADER, URLEncoder.encode("万彤", StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
