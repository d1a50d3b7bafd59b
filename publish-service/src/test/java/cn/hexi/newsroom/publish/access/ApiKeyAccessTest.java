package cn.hexi.newsroom.publish.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.publish.PublishTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAccessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PublishTestSupport.properties(registry);
    }

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readingIsOpenWhileWritesWebhooksAndActuatorAdminNeedTheKey(CapturedOutput output) throws Exception {
        assertThat(send("GET", "/api/articles", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/issues", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = send("GET", "/api/webhooks", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":401").contains("X-API-Key");
        assertThat(send("GET", "/api/webhooks", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/webhooks", PublishTestSupport.API_KEY).statusCode()).isEqualTo(200);

        assertThat(send("GET", "/actuator/bindings", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/bindings", PublishTestSupport.API_KEY).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/actuator/bindings/publishArticle-in-0", null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/articles/some-id", null).statusCode()).isEqualTo(401);

        assertThat(output.getAll()).doesNotContain(PublishTestSupport.API_KEY);
    }

    @Test
    void withoutAConfiguredKeyEveryWriteIsRefusedAndReadsStayOpen() throws Exception {
        ApiKeyFilter filter = new ApiKeyFilter(new AccessProperties(" "));

        MockHttpServletResponse write = run(filter, "POST", "/api/webhooks", "anything");
        assertThat(write.getStatus()).isEqualTo(403);
        assertThat(write.getContentAsString()).contains("no API key is configured");
        assertThat(run(filter, "GET", "/api/articles/abc-001/ninjs", null).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse run(ApiKeyFilter filter, String method, String path, String key) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (key != null) {
            request.addHeader(ApiKeyFilter.HEADER, key);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
