package cn.hexi.newsroom.publish.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.testing.PathVariants;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.PublishTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The access policy as the publish service applies it, tried over HTTP as an attacker would. */
@PublishServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAccessTest {

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
    void noFormOfAGuardedPathAnswersWithoutTheKey() throws Exception {
        for (String path : List.of("/api/webhooks", "/actuator/bindings", "/actuator/env")) {
            for (String tried : PathVariants.of(path)) {
                HttpResponse<String> response = send("GET", tried, null);
                assertThat(response.statusCode()).as("GET " + tried).isIn(400, 401, 404);
                assertThat(response.body()).as("GET " + tried).doesNotContain("\"url\"").doesNotContain("\"bindings\"");
            }
        }
        assertThat(send("GET", "/api/%77ebhooks", null).statusCode()).as("percent-encoded letter").isIn(400, 401);
    }

    @Test
    void webhookTargetsInsidePrivateNetworksAreRefused() throws Exception {
        for (String target : List.of("http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0/hook")) {
            HttpResponse<String> refused = send("POST", "/api/webhooks", PublishTestSupport.API_KEY, "{\"url\":\"" + target + "\"}");
            assertThat(refused.statusCode()).as(target).isEqualTo(400);
            assertThat(refused.body()).as(target).contains("Webhook target refused");
        }
    }

    @Test
    void everyAnswerCarriesTheBrowserProtections() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        return send(method, path, key, "{}");
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
