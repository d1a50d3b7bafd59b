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
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * What the publish service's Spring tests share: one embedded MongoDB wire-protocol store for the JVM, the settings
 * that make webhook retries quick ({@link PublishServiceTest}), and enriched articles to publish.
 */
public final class PublishTestSupport {

    public static final String API_KEY = "test-api-key";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString();

    private PublishTestSupport() {
    }

    /**
     * The settings of {@link PublishServiceTest}: the shared store, the admin key, quick webhook retries. They rank
     * above the application's own and below a test's {@code @DynamicPropertySource} and {@code @TestPropertySource}, so a
     * test can still change one of them.
     */
    static final class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private static final List<String> TEST_SOURCES = List.of("Dynamic Test Properties", "Inlined Test Properties");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource settings = new MapPropertySource("publishTestSupport", Map.of("spring.mongodb.uri", MONGO_URI + "/newsroom",
                    "newsroom.access.api-key", API_KEY, "newsroom.publish.webhooks.initial-backoff", "100ms",
                    "newsroom.publish.webhooks.poll-interval", "100ms"));
            String lowestTestSource = null;
            for (PropertySource<?> source : sources) {
                if (TEST_SOURCES.contains(source.getName())) {
                    lowestTestSource = source.getName();
                }
            }
            if (lowestTestSource == null) {
                sources.addFirst(settings);
            } else {
                sources.addAfter(lowestTestSource, settings);
            }
        }
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
