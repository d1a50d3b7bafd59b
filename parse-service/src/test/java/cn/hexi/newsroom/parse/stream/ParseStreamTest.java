package cn.hexi.newsroom.parse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
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
import org.awaitility.Awaitility;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@OnEmbeddedBroker
class ParseStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    MeterRegistry registry;
    @Autowired
    EventCodec codec;
    @Autowired
    BindingsLifecycleController bindings;

    private static final String BINDING = "parseIssue-in-0";

    @Test
    void rawIssueBecomesParsedArticlesAndAnIssueReport() throws Exception {
        String issueId = RawRecords.randomIssueId();
        String text = Files.readString(Path.of("../seeds/001_1b3742163d2b373a.txt"));
        int expected = new IssueParser().parse(issueId, null, text).articles().size();

        publisher.publish(EventType.RAW_ISSUE, issueId, issueId, new RawIssue(issueId, metadata(), text));

        try (TopicProbe articles = new TopicProbe(bootstrapServers, EventType.ARTICLE_PARSED.topic());
             TopicProbe issues = new TopicProbe(bootstrapServers, EventType.ISSUE_PARSED.topic())) {
            List<ParsedArticle> parsed = articles.awaitCount(r -> r.key().startsWith(issueId), expected, TIMEOUT).stream()
                    .map(r -> EventAssertions.assertConforms(EventType.ARTICLE_PARSED, r, ParsedArticle.class))
                    .toList();
            assertThat(parsed).hasSize(expected);
            assertThat(parsed).allSatisfy(a -> assertThat(a.issue().sourceName()).isEqualTo("001.txt"));
            IssueParsed report = issues.awaitCount(r -> r.key().equals(issueId), 1, TIMEOUT).stream()
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

    @Test
    void malformedRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRecordsAroundItAreParsedOnce() throws Exception {
        String first = RawRecords.randomIssueId();
        String bad = RawRecords.randomIssueId();
        String last = RawRecords.randomIssueId();
        String text = "河西区召开会议\n\n■ 通讯员 万彤\n\n会议指出,要抓好落实。";
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        RawRecords.sendInOrder(bootstrapServers, EventType.RAW_ISSUE.topic(), 0, List.of(
                Map.entry(first, codec.write(new RawIssue(first, metadata(), text))),
                Map.entry(bad, "{\"issueId\": [".getBytes(StandardCharsets.UTF_8)),
                Map.entry(last, codec.write(new RawIssue(last, metadata(), text)))));
        bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);

        try (TopicProbe dead = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.deadLetterTopic("parse"));
             TopicProbe articles = new TopicProbe(bootstrapServers, EventType.ARTICLE_PARSED.topic())) {
            Awaitility.await().atMost(TIMEOUT).until(() -> keysStartingWith(articles.drain(Duration.ofMillis(500)), last) == 1);
            List<ConsumerRecord<String, byte[]>> parsed = articles.drain(Duration.ofSeconds(2));
            assertThat(keysStartingWith(parsed, first)).isEqualTo(1);
            assertThat(keysStartingWith(parsed, last)).isEqualTo(1);
            assertThat(keysStartingWith(parsed, bad)).isZero();
            List<ConsumerRecord<String, byte[]>> deadLetters = dead.drain(Duration.ofSeconds(1));
            assertThat(keysStartingWith(deadLetters, bad)).isEqualTo(1);
            assertThat(keysStartingWith(deadLetters, first) + keysStartingWith(deadLetters, last)).isZero();
        }
    }

    private static long keysStartingWith(List<ConsumerRecord<String, byte[]>> records, String prefix) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).count();
    }

    private static IssueMetadata metadata() {
        return new IssueMetadata(null, null, null, "001.txt", Instant.now());
    }

}
