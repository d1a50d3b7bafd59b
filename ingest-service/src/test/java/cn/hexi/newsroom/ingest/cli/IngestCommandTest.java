package cn.hexi.newsroom.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import cn.hexi.newsroom.events.testing.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The command line ingester, run as {@code ingest-service.jar ingest ...} runs it: the cli profile, no web server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        args = {"--publication=河西报", "--issue-date=2023-09-20", "../seeds/002_a18265de50452ea7.txt", "no-such-issue.txt"})
@ActiveProfiles(IngestCommand.PROFILE)
@OnEmbeddedBroker
class IngestCommandTest {

    @Autowired
    IngestCommand command;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void publishesEachReadableFileWithItsMetadataAndExitsWithOneWhenAnyFailed() {
        assertThat(command.getExitCode()).isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.topic())) {
            RawIssue issue = new EventCodec().read(probe.awaitCount(1, Duration.ofSeconds(20)).get(0).value(), RawIssue.class);
            assertThat(issue.metadata().sourceName()).isEqualTo("002_a18265de50452ea7.txt");
            assertThat(issue.metadata().publication()).isEqualTo("河西报");
            assertThat(issue.metadata().issueDate()).isEqualTo(LocalDate.of(2023, 9, 20));
            assertThat(probe.drain(Duration.ofSeconds(1))).hasSize(1);
        }
    }
}
