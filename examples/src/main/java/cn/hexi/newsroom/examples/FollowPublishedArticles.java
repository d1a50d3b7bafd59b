package cn.hexi.newsroom.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream consumer: follows {@code newsroom.articles.published} in its own consumer group and fetches each
 * article it announces from the publish service. Notifications can be sent again after a crash, so it keeps the last
 * version it handled per article and skips what it has seen; it commits only after handling.
 *
 * <pre>java -cp examples.jar:... cn.hexi.newsroom.examples.FollowPublishedArticles 127.0.0.1:9092 http://127.0.0.1:8084</pre>
 */
public final class FollowPublishedArticles {

    /** One article as the consumer handled it: the notification's id and version, and the article fetched. */
    public record Fetched(String articleId, long version, String headline, int httpStatus) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FollowPublishedArticles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FollowPublishedArticles BOOTSTRAP_SERVERS PUBLISH_BASE_URL");
            System.exit(2);
        }
        follow(args[0], URI.create(args[1]), "example-follower", () -> true,
                f -> System.out.println(f.articleId() + " v" + f.version() + " " + f.headline()));
    }

    /** Follows while {@code keepGoing} says so, handing each new article version to {@code handler}. */
    public static void follow(String bootstrapServers, URI publishBase, String group, BooleanSupplier keepGoing, Consumer<Fetched> handler)
            throws IOException, InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Long> handled = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("newsroom.articles.published"));
            while (keepGoing.getAsBoolean()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode notification = JSON.readTree(record.value());
                    String id = notification.get("articleId").asString();
                    long version = notification.get("version").asLong();
                    if (handled.getOrDefault(id, 0L) < version) {
                        handler.accept(fetch(http, publishBase.resolve(notification.get("url").asString()), id, version));
                        handled.put(id, version);
                    }
                }
                consumer.commitSync();
            }
        }
    }

    private static Fetched fetch(HttpClient http, URI article, String id, long version) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(article).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode headline = response.statusCode() == 200 ? JSON.readTree(response.body()).at("/article/headline") : null;
        return new Fetched(id, version, headline == null || !headline.isString() ? null : headline.asString(), response.statusCode());
    }
}
