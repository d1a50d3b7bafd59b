package cn.hexi.newsroom.parse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.parse.IssueParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The broker cannot take the stage's outputs for a while (their topic is gone and not created on demand, so every send
 * fails for want of metadata, as when the broker is away): the batch is not acknowledged, the stage waits and sends
 * again, and once the topic is back every article of the issue arrives.
 */
@SpringBootTest(properties = {"newsroom.events.send-timeout=2s", "spring.kafka.producer.properties.max.block.ms=1000"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
class ParseBrokerOutageTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventPublisher publisher;

    @Test
    void batchWhoseOutputsTheBrokerCannotTakeWaitsUnacknowledgedAndIsSentOnceItCan() throws Exception {
        String issueId = RawRecords.randomIssueId();
        String text = Files.readString(Path.of("../seeds/002_a18265de50452ea7.txt"));
        Set<String> expected = new IssueParser().parse(issueId, null, text).articles().stream()
                .map(a -> a.articleId()).collect(Collectors.toSet());
        String output = EventType.ARTICLE_PARSED.topic();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.deleteTopics(List.of(output)).all().get();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !admin.listTopics().names().get().contains(output));
            publisher.publish(EventType.RAW_ISSUE, issueId, issueId, new RawIssue(issueId, new IssueMetadata(null, null, null, "002.txt", Instant.now()), text));

            // Several send timeouts pass: the raw issue stays unacknowledged.
            Awaitility.await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
            assertThat(committedOffset(admin)).isZero();

            admin.createTopics(List.of(new NewTopic(output, 3, (short) 1))).all().get();
            try (TopicProbe articles = new TopicProbe(bootstrapServers, output)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> articles.drain(Duration.ofMillis(500)).stream()
                        .map(r -> r.key()).filter(expected::contains).collect(Collectors.toSet()).equals(expected));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(admin) == 1);
        }
    }

    /** The parse stage's committed position on the raw topic, summed over its partitions. */
    private static long committedOffset(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets("parse-service").partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(EventType.RAW_ISSUE.topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
