package cn.hexi.newsroom.publish.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.OpenApiContract;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.editing.EditingController;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publish service's OpenAPI 3.1 description against its real answers: every documented operation is called, and
 * each answer, problems included, conforms to what the document says of its status, media type and body; what the
 * document says needs the key is what the access policy refuses without it.
 */
@PublishServiceTest
class OpenApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** An endless event stream: its media type is checked on its own, not through a body. */
    private static final String STREAM = "GET /api/articles/stream";

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiContract contract;

    @BeforeEach
    void loadDocument() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        contract = new OpenApiContract(docs.body());
    }

    @Test
    void documentIsOpenApiThreePointOneWithTheKeyAndProblemDetails() {
        assertThat(contract.document().get("openapi").asString()).startsWith("3.1");
        assertThat(contract.document().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
        assertThat(contract.operations()).contains("GET /api/articles", "GET /api/articles/{id}", "POST /api/webhooks",
                "GET /schemas/{name}", "GET /feeds/articles.atom", "GET /asyncapi.yaml");
        assertThat(contract.operations()).noneMatch(operation -> operation.contains("/actuator"));
    }

    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        EnrichedArticle article = PublishTestSupport.article(RawRecords.randomIssueId(), "文档核对", "文档核对");
        String id = article.article().articleId();
        publisher.publish(EventType.ARTICLE_ENRICHED, id, article.article().issueId(), article);
        await().atMost(Duration.ofSeconds(20)).until(() -> send("GET", "/api/articles/" + id, null, null).statusCode() == 200);

        check("GET", "/api/articles", "/api/articles?limit=1", 200);
        check("GET", "/api/articles", "/api/articles?cursor=not-a-cursor", 400);
        check("GET", "/api/articles", "/api/articles?limit=0", 400);
        check("GET", "/api/articles/{id}", "/api/articles/" + id, 200);
        check("GET", "/api/articles/{id}", "/api/articles/no-such-article", 404);
        check("GET", "/api/articles/{id}/ninjs", "/api/articles/" + id + "/ninjs", 200);
        check("GET", "/api/articles/{id}/source", "/api/articles/" + id + "/source", 404); // the issue's text is not recorded here
        check("GET", "/api/issues", "/api/issues", 200);
        check("GET", "/api/issues/{id}", "/api/issues/no-such-issue", 404);
        check("GET", "/schemas", "/schemas", 200);
        check("GET", "/schemas/{name}", "/schemas/article-published.v1.json", 200);
        check("GET", "/schemas/{name}", "/schemas/nothing.json", 404);
        check("GET", "/feeds/articles.atom", "/feeds/articles.atom", 200);
        check("GET", "/asyncapi.yaml", "/asyncapi.yaml", 200);
        checkWebhooks();
        checkEditing(id);

        assertThat(streamContentType()).startsWith("text/event-stream");
        assertThat(contract.operations()).as("every documented operation was called").allMatch(operation ->
                operation.equals(STREAM) || contract.checkedOperations().contains(operation));
    }

    private void checkWebhooks() throws Exception {
        String key = PublishTestSupport.API_KEY;
        HttpResponse<String> created = send("POST", "/api/webhooks", "{\"url\":\"http://203.0.113.7:9/hook\",\"tags\":[\"无此标签\"]}", key);
        contract.assertConforms("POST", "/api/webhooks", created);
        assertThat(created.statusCode()).isEqualTo(201);
        String subscription = JSON.readTree(created.body()).at("/subscription/id").asString();
        contract.assertConforms("POST", "/api/webhooks", send("POST", "/api/webhooks", "{\"url\":\"file:///etc/passwd\"}", key));
        contract.assertConforms("GET", "/api/webhooks", send("GET", "/api/webhooks", null, key));
        contract.assertConforms("POST", "/api/webhooks/{id}/rotate-secret", send("POST", "/api/webhooks/" + subscription + "/rotate-secret", "{}", key));
        contract.assertConforms("POST", "/api/webhooks/{id}/resume", send("POST", "/api/webhooks/" + subscription + "/resume", null, key));
        contract.assertConforms("POST", "/api/webhooks/{id}/resume", send("POST", "/api/webhooks/nothing/resume", null, key));
        contract.assertConforms("DELETE", "/api/webhooks/{id}", send("DELETE", "/api/webhooks/" + subscription, null, key));
        contract.assertConforms("DELETE", "/api/webhooks/{id}", send("DELETE", "/api/webhooks/" + subscription, null, key));
    }

    private void checkEditing(String id) throws Exception {
        String key = PublishTestSupport.API_KEY;
        String article = "/api/articles/" + id;
        String patch = "PATCH";
        contract.assertConforms(patch, "/api/articles/{id}", send(patch, article, "{\"headline\":\"文档核对(更正)\"}", key, EditingController.MERGE_PATCH, null));
        contract.assertConforms(patch, "/api/articles/{id}", send(patch, article, "{\"body\":\"x\"}", key, EditingController.MERGE_PATCH, null));
        contract.assertConforms(patch, "/api/articles/{id}", send(patch, article, "{\"tags\":[]}", key, EditingController.MERGE_PATCH, "\"1\""));
        contract.assertConforms(patch, "/api/articles/{id}", send(patch, "/api/articles/no-such-article", "{}", key, EditingController.MERGE_PATCH, null));
        check("GET", "/api/articles/{id}/versions", article + "/versions", 200);
        check("GET", "/api/articles/{id}/versions", "/api/articles/no-such-article/versions", 404);
        check("GET", "/api/places", "/api/places?q=" + URLEncoder.encode("东海", StandardCharsets.UTF_8), 200);
        check("GET", "/api/places", "/api/places?q=x&limit=0", 400);
        contract.assertConforms("POST", "/api/articles/{id}/withdraw", send("POST", article + "/withdraw", "{\"reason\":\"核对完毕\"}", key));
        contract.assertConforms(patch, "/api/articles/{id}", send(patch, article, "{\"headline\":\"撤稿后\"}", key, EditingController.MERGE_PATCH, null));
    }

    @Test
    void whatTheDocumentSaysNeedsTheKeyIsRefusedWithoutIt() throws Exception {
        for (String operation : contract.operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            if (operation.equals(STREAM)) {
                continue;
            }
            HttpResponse<String> anonymous = send(method, template.replaceAll("\\{[^}]+}", "x"), method.equals("GET") ? null : "{}", null);
            boolean refused = anonymous.statusCode() == 401 || anonymous.statusCode() == 403;
            assertThat(refused).as(operation + " answered " + anonymous.statusCode()).isEqualTo(!contract.securityOf(method, template).isEmpty());
            contract.assertConforms(method, template, anonymous);
        }
    }

    private void check(String method, String template, String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path, null, null);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(expectedStatus);
        contract.assertConforms(method, template, response);
    }

    private String streamContentType() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/stream")).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private HttpResponse<String> send(String method, String path, String json, String key) throws Exception {
        return send(method, path, json, key, "application/json", null);
    }

    private HttpResponse<String> send(String method, String path, String json, String key, String contentType, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
