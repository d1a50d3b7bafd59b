package cn.hexi.newsroom.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With keys configured, sending an issue over HTTP needs the ingest or the admin key; the drop folder needs none. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnEmbeddedBroker
class IngestAccessTest {

    private static final Path SEED = Path.of("../seeds/000_03507c266253f217.txt");
    private static Path dropFolder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dropFolder = Files.createTempDirectory("inbox");
        registry.add("newsroom.access.api-key", () -> "admin-key");
        registry.add("newsroom.access.ingest-key", () -> "ingest-key");
        registry.add("newsroom.ingest.drop-folder.path", dropFolder::toString);
    }

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sendingAnIssueNeedsTheIngestOrTheAdminKey() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(401);
        assertThat(post("wrong").statusCode()).isEqualTo(401);
        assertThat(post("ingest-key").statusCode()).isEqualTo(202);
        assertThat(post("admin-key").statusCode()).isEqualTo(202);
    }

    @Test
    void theIngestKeyOpensNothingElse() throws Exception {
        HttpResponse<String> bindings = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/env"))
                .header("X-API-Key", "ingest-key").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(bindings.statusCode()).isEqualTo(403);
    }

    @Test
    void theDropFolderStillIngestsWithoutAKey() throws Exception {
        Files.copy(SEED, dropFolder.resolve("dropped.txt"));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(dropFolder.resolve("processed").resolve("dropped.txt")));
    }

    private HttpResponse<String> post(String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/issues"))
                .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofFile(SEED));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
