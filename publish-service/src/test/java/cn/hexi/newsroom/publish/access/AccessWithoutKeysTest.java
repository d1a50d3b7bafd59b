package cn.hexi.newsroom.publish.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.publish.PublishServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without an admin key, every write and admin call is refused, whatever key is sent, and reading stays open. */
@PublishServiceTest
class AccessWithoutKeysTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("newsroom.access.api-key", () -> " ");
    }

    @LocalServerPort
    int port;

    @Test
    void withoutAConfiguredKeyEveryWriteIsRefusedAndReadsStayOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks"))
                .header("X-API-Key", "anything").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("no API key is configured");
        assertThat(read.statusCode()).isEqualTo(200);
    }
}
