package cn.hexi.newsroom.ingest.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import cn.hexi.newsroom.events.testing.TopicProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@OnEmbeddedBroker
class DropFolderWatcherTest {

    private static final Path FOLDER = createFolder();

    @DynamicPropertySource
    static void dropFolder(DynamicPropertyRegistry registry) {
        registry.add("newsroom.ingest.drop-folder.path", FOLDER::toString);
        registry.add("newsroom.ingest.drop-folder.poll-interval", () -> "200ms");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void acceptedFilesMoveToProcessedAndRefusedOnesToFailedWithTheReason() throws IOException {
        String text = "河西区召开会议\n\n■ 通讯员 万彤\n\n会议指出,要抓好落实。" + UUID.randomUUID();
        settled(Files.writeString(FOLDER.resolve("issue.txt"), text));
        settled(Files.write(FOLDER.resolve("blank.txt"), "   \n".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(FOLDER.resolve("notes.md"), "not an issue");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(FOLDER.resolve("processed/issue.txt"))
                && Files.exists(FOLDER.resolve("failed/blank.txt.reason.txt")));

        assertThat(Files.readString(FOLDER.resolve("failed/blank.txt.reason.txt"))).startsWith("empty:");
        assertThat(FOLDER.resolve("failed/blank.txt")).exists();
        assertThat(FOLDER.resolve("issue.txt")).doesNotExist();
        assertThat(FOLDER.resolve("notes.md")).exists();
        try (TopicProbe probe = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.topic())) {
            assertThat(probe.drain(Duration.ofSeconds(2)))
                    .extracting(r -> new EventCodec().read(r.value(), RawIssue.class))
                    .anySatisfy(issue -> {
                        assertThat(issue.text()).isEqualTo(text);
                        assertThat(issue.metadata().sourceName()).isEqualTo("issue.txt");
                    });
        }
    }

    /** The watcher only takes files that have not changed for a while; make these look old enough. */
    private static void settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(10)));
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("drop");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
