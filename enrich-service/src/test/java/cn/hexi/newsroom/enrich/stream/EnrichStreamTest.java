package cn.hexi.newsroom.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@OnEmbeddedBroker
class EnrichStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;

    @Test
    void malformedArticleIsDeadLetteredWithItsReasonAndTheNextIsEnriched() throws Exception {
        String badKey = RawRecords.randomIssueId() + "-001";
        RawRecords.send(bootstrapServers, EventType.ARTICLE_PARSED.topic(), badKey, "{\"sequence\": \"first\"}".getBytes(StandardCharsets.UTF_8));
        String issueId = RawRecords.randomIssueId();
        String text = "东海街道桂江里社区开展国防教育活动。";
        ParsedArticle article = new ParsedArticle(issueId, ParsedArticle.articleId(issueId, 1), 1,
                new IssueMetadata(null, null, null, "test.txt", Instant.now()), ArticleKind.NEWS, null, null, "国防教育进社区", null, null, List.of(),
                List.of(), List.of(new BodyItem(BodyItem.PARAGRAPH, text, List.of(new Span(0, text.length())))), List.of(), Map.of());
        publisher.publish(EventType.ARTICLE_PARSED, article.articleId(), issueId, article);

        try (TopicProbe dead = new TopicProbe(bootstrapServers, EventType.ARTICLE_PARSED.deadLetterTopic("enrich"));
             TopicProbe enriched = new TopicProbe(bootstrapServers, EventType.ARTICLE_ENRICHED.topic())) {
            ConsumerRecord<String, byte[]> deadLetter = dead.awaitCount(1, TIMEOUT).get(0);
            assertThat(deadLetter.key()).isEqualTo(badKey);
            assertThat(TopicProbe.headers(deadLetter).get("x-exception-message")).contains("not a valid ParsedArticle");
            EnrichedArticle result = EventAssertions.assertConforms(EventType.ARTICLE_ENRICHED, enriched.awaitCount(1, TIMEOUT).get(0),
                    EnrichedArticle.class);
            assertThat(result.enrichment().places()).extracting(Place::name).contains("东海街道", "桂江里社区");
            assertThat(result.enrichment().tags()).isNotEmpty();
        }
    }
}
