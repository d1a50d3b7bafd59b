package cn.hexi.newsroom.parse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.parse.IssueParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ParseStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    MeterRegistry registry;

    @Test
    void rawIssueBecomesParsedArticlesAndAnIssueReport() throws Exception {
        String issueId = RawRecords.randomIssueId();
        String text = Files.readString(Path.of("../seeds/001_1b3742163d2b373a.txt"));
        int expected = new IssueParser().parse(issueId, null, text).articles().size();

        publisher.publish(EventType.RAW_ISSUE, issueId, issueId, new RawIssue(issueId, metadata(), text));

        try (TopicProbe articles = new TopicProbe(bootstrapServers, EventType.ARTICLE_PARSED.topic());
             TopicProbe issues = new TopicProbe(bootstrapServers, EventType.ISSUE_PARSED.topic())) {
            List<ParsedArticle> parsed = articles.awaitCount(expected, TIMEOUT).stream()
                    .filter(r -> r.key().startsWith(issueId))
                    .map(r -> EventAssertions.assertConforms(EventType.ARTICLE_PARSED, r, ParsedArticle.class))
                    .toList();
            assertThat(parsed).hasSize(expected);
            assertThat(parsed).allSatisfy(a -> assertThat(a.issue().sourceName()).isEqualTo("001.txt"));
            IssueParsed report = issues.awaitCount(1, TIMEOUT).stream().filter(r -> r.key().equals(issueId))
                    .map(r -> EventAssertions.assertConforms(EventType.ISSUE_PARSED, r, IssueParsed.class)).findFirst().orElseThrow();
            assertThat(report.articleIds()).containsExactlyInAnyOrderElementsOf(parsed.stream().map(ParsedArticle::articleId).toList());
            assertThat(report.report().articleCount()).isEqualTo(expected);
        }
        assertThat(registry.get("newsroom.parse.articles.per.issue").summary().count()).isPositive();
        assertThat(registry.get("newsroom.parse.articles").tag("kind", "news").counter().count()).isPositive();
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws Exception {
        String badKey = RawRecords.randomIssueId();
        RawRecords.send(bootstrapServers, EventType.RAW_ISSUE.topic(), badKey, "{\"issueId\": 42, ".getBytes(StandardCharsets.UTF_8));
        String goodId = RawRecords.randomIssueId();
        publisher.publish(EventType.RAW_ISSUE, goodId, goodId, new RawIssue(goodId, metadata(), "河西区召开会议\n\n■ 通讯员 万彤\n\n会议指出,要抓好落实。"));

        try (TopicProbe dead = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.deadLetterTopic("parse"));
             TopicProbe articles = new TopicProbe(bootstrapServers, EventType.ARTICLE_PARSED.topic())) {
            ConsumerRecord<String, byte[]> deadLetter = dead.awaitCount(1, TIMEOUT).stream().filter(r -> r.key().equals(badKey))
                    .findFirst().orElseThrow();
            Map<String, String> headers = TopicProbe.headers(deadLetter);
            assertThat(headers.get("x-exception-message")).contains("not a valid RawIssue");
            assertThat(headers.get("x-exception-stacktrace")).contains("MalformedEventException");
            assertThat(headers).containsKey("x-original-topic");
            assertThat(articles.awaitCount(1, TIMEOUT)).anySatisfy(r -> assertThat(r.key()).startsWith(goodId));
        }
    }

    private static IssueMetadata metadata() {
        return new IssueMetadata(null, null, null, "001.txt", Instant.now());
    }

}
