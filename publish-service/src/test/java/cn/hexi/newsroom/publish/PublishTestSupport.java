package cn.hexi.newsroom.publish;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the publish service's Spring tests share: one embedded MongoDB wire-protocol store for the JVM, the settings
 * that make webhook retries quick, and enriched articles to publish. Identical settings let the tests share one context.
 */
public final class PublishTestSupport {

    public static final String API_KEY = "test-api-key";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString();

    private PublishTestSupport() {
    }

    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI + "/newsroom");
        registry.add("newsroom.access.api-key", () -> API_KEY);
        registry.add("newsroom.publish.webhooks.initial-backoff", () -> "100ms");
        registry.add("newsroom.publish.webhooks.poll-interval", () -> "100ms");
    }

    public static EnrichedArticle article(String issueId, String headline, String tag) {
        String text = "社区开展" + tag + "宣传。";
        ParsedArticle article = new ParsedArticle(issueId, ParsedArticle.articleId(issueId, 1), 1,
                new IssueMetadata(null, null, null, "test.txt", Instant.now()), ArticleKind.NEWS, null, null, headline, null, null, List.of(), List.of(),
                List.of(new BodyItem(BodyItem.PARAGRAPH, text, List.of(new Span(0, text.length())))), List.of(), Map.of());
        return new EnrichedArticle(article, new Enrichment(Instant.now().toEpochMilli(), "test", Instant.now(), List.of(),
                List.of(new Enrichment.Tag(tag, 1.0, List.of(tag))), List.of(), List.of(), List.of(), List.of(), text));
    }
}
