package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store loses nothing it acknowledged when its process is killed with SIGKILL right after the writes. */
class EmbeddedMongoDurabilityTest {

    @TempDir
    Path data;
    @TempDir
    Path logs;
    private Path log;

    @BeforeEach
    void logFile() {
        log = logs.resolve("store.log");
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillOfTheStoreProcess() throws Exception {
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedMongoMain.class.getName(), "0", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> readyLine().isPresent());
            String uri = readyLine().orElseThrow().substring("ready ".length());
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> articles = client.getDatabase("newsroom").getCollection("articles");
                for (int i = 0; i < 200; i++) {
                    articles.insertOne(new Document("_id", "single-" + i).append("version", 1L));
                }
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    batch.add(new Document("_id", "bulk-" + i).append("version", 1L));
                }
                articles.insertMany(batch);
                articles.updateOne(new Document("_id", "single-0"), new Document("$set", new Document("version", 2L)));
            }
            // At once, well within the second H2 waits before committing by itself.
            store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            store.destroyForcibly();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.start(data, 0, "newsroom");
             MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> articles = client.getDatabase("newsroom").getCollection("articles");
            assertThat(articles.countDocuments()).isEqualTo(700);
            assertThat(articles.find(new Document("_id", "single-0")).first().getLong("version")).isEqualTo(2L);
        }
        assertThat(Files.exists(data.resolve("mongo").resolve("newsroom.mv"))).isTrue();
    }

    private Optional<String> readyLine() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("ready ")).findFirst();
        }
    }
}
