package cn.hexi.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.PublishTestSupport;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PublishServiceTest
class WebhookDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // The receivers here listen on loopback.
        registry.add("newsroom.publish.webhooks.allow-private-targets", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    WebhookStore webhooks;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer receiver;

    /** A delivery as the receiver saw it. */
    record Received(String id, String body, String signature, long timestamp) {

        boolean signedWith(String secret) {
            return Signatures.verify(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8), signature);
        }
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void subscriptionsNeedTheApiKeyAndRefuseUrlsThatAreNotHttpOrPointAtTheServiceItself() throws Exception {
        assertThat(subscribe(null, "http://127.0.0.1:9/hook", List.of()).statusCode()).isEqualTo(401);
        assertThat(subscribe("wrong", "http://127.0.0.1:9/hook", List.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> ftp = subscribe(PublishTestSupport.API_KEY, "ftp://example.org/hook", List.of());
        assertThat(ftp.statusCode()).isEqualTo(400);
        assertThat(ftp.body()).contains("http or https");
        assertThat(subscribe(PublishTestSupport.API_KEY, "http://localhost:" + port + "/api/articles", List.of()).statusCode()).isEqualTo(400);

        HttpResponse<String> created = subscribe(PublishTestSupport.API_KEY, "http://127.0.0.1:9/hook", List.of());
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = JSON.readTree(created.body()).get("secret").asString();
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks"))
                .header("X-API-Key", PublishTestSupport.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("127.0.0.1:9/hook").doesNotContain(secret);
        delete(JSON.readTree(created.body()).at("/subscription/id").asString());
    }

    @Test
    void eachMatchingArticleVersionIsDeliveredOnceAndSigned() throws Exception {
        List<Received> received = startReceiver(new AtomicInteger(0));
        HttpResponse<String> created = subscribe(PublishTestSupport.API_KEY, receiverUrl(), List.of("燃气安全"));
        JsonNode subscription = JSON.readTree(created.body());
        String secret = subscription.get("secret").asString();
        EnrichedArticle gas = PublishTestSupport.article(RawRecords.randomIssueId(), "燃气安全进社区", "燃气安全");
        EnrichedArticle school = PublishTestSupport.article(RawRecords.randomIssueId(), "教师节大会", "教育");

        publish(gas);
        publish(school);
        publish(gas); // the same version again: a replay

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 1);
        // No second delivery follows: the count stays at one for two seconds of polling.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 1);
        Received delivery = received.get(0);
        assertThat(delivery.body()).contains("\"articleId\":\"" + gas.article().articleId() + "\"");
        assertThat(secret).startsWith("whsec_");
        assertThat(delivery.id()).isNotBlank();
        assertThat(delivery.signature()).startsWith("v1,");
        assertThat(delivery.signedWith(secret)).isTrue();
        assertThat(delivery.signedWith(Signatures.newSecret())).isFalse();
        delete(subscription.at("/subscription/id").asString());
    }

    @Test
    void receiverThatFailsThreeTimesGetsTheDeliveryOnTheFourthAttempt() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<Received> received = startReceiver(failuresLeft);
        String subscriptionId = JSON.readTree(subscribe(PublishTestSupport.API_KEY, receiverUrl(), List.of("消防安全")).body())
                .at("/subscription/id").asString();

        publish(PublishTestSupport.article(RawRecords.randomIssueId(), "消防安全进校园", "消防安全"));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.deliveries(subscriptionId).stream()
                .anyMatch(d -> WebhookStore.DELIVERED.equals(d.getString("state"))));
        Document delivery = webhooks.deliveries(subscriptionId).get(0);
        assertThat(delivery.getInteger("attempts")).isEqualTo(4);
        assertThat(received).hasSize(4);
        assertThat(webhooks.subscription(subscriptionId).orElseThrow().consecutiveFailures()).isZero();
        delete(subscriptionId);
    }

    @Test
    void afterARotationDeliveriesAreSignedWithTheNewAndThePreviousSecretAndNeitherIsListed() throws Exception {
        List<Received> received = startReceiver(new AtomicInteger(0));
        JsonNode created = JSON.readTree(subscribe(PublishTestSupport.API_KEY, receiverUrl(), List.of("垃圾分类")).body());
        String id = created.at("/subscription/id").asString();
        String previous = created.get("secret").asString();

        HttpResponse<String> rotated = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/" + id + "/rotate-secret"))
                .header("X-API-Key", PublishTestSupport.API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String current = JSON.readTree(rotated.body()).get("secret").asString();
        publish(PublishTestSupport.article(RawRecords.randomIssueId(), "垃圾分类进社区", "垃圾分类"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
        assertThat(received.get(0).signature().split(" ")).hasSize(2);
        assertThat(received.get(0).signedWith(current)).isTrue();
        assertThat(received.get(0).signedWith(previous)).isTrue();
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks"))
                .header("X-API-Key", PublishTestSupport.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).doesNotContain("whsec_").doesNotContain("secret");
        delete(id);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailedAttempt() throws Exception {
        List<Received> followed = startReceiver(new AtomicInteger(0));
        AtomicInteger redirected = new AtomicInteger();
        receiver.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            redirected.incrementAndGet();
            exchange.getResponseHeaders().add("Location", receiverUrl());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        String subscriptionId = JSON.readTree(subscribe(PublishTestSupport.API_KEY, receiverUrl().replace("/hook", "/moved"), List.of("安全生产"))
                .body()).at("/subscription/id").asString();

        publish(PublishTestSupport.article(RawRecords.randomIssueId(), "安全生产大检查", "安全生产"));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.deliveries(subscriptionId).stream()
                .anyMatch(d -> "HTTP 307".equals(d.getString("lastError"))));
        assertThat(redirected.get()).isPositive();
        assertThat(followed).isEmpty();
        delete(subscriptionId);
    }

    private void publish(EnrichedArticle article) {
        publisher.publish(EventType.ARTICLE_ENRICHED, article.article().articleId(), article.article().issueId(), article);
    }

    /** Records every POST; answers 500 while {@code failuresLeft} lasts, then 204. */
    private List<Received> startReceiver(AtomicInteger failuresLeft) throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst(Signatures.ID_HEADER), body,
                    exchange.getRequestHeaders().getFirst(Signatures.SIGNATURE_HEADER),
                    Long.parseLong(exchange.getRequestHeaders().getFirst(Signatures.TIMESTAMP_HEADER))));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        return received;
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private HttpResponse<String> subscribe(String key, String url, List<String> tags) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", url, "tags", tags))));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void delete(String id) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/" + id)).DELETE()
                .header("X-API-Key", PublishTestSupport.API_KEY).build(), HttpResponse.BodyHandlers.discarding());
    }
}
