package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.testing.TopicProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich instances share the parsed-article partitions; when one stops mid-run, the other takes its partitions over
 * (a rebalance) and every article is still stored once and notified once.
 */
class ScaleOutIT {

    private static final Path REPO = Path.of(System.getProperty("newsroom.repo", ".."));
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void twoEnrichInstancesShareTheWorkAndARebalanceLosesAndDoublesNothing() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Stream.concat(Stream.of("kafka", "kafka-controller", "mongo"), LocalStack.SERVICES.stream()).forEach(port -> ports.put(port, 0));
        List<Path> seeds;
        try (Stream<Path> listing = Files.list(REPO.resolve("seeds"))) {
            seeds = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(REPO, data, LocalStack.Store.MEMORY, null, null, ports, "256m", "test-key",
                Map.of(), LocalStackMain.scale("enrich=2")));
             MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            List<ServiceProcess> enrich = stack.instances("enrich-service");
            assertThat(enrich).hasSize(2);
            var articles = mongo.getDatabase("newsroom").getCollection("articles");

            new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(seeds.subList(0, 3));
            Awaitility.await().atMost(FLOW_TIMEOUT).until(() -> articles.countDocuments() > 0 && enrichedBy(enrich.get(1)) > 0);
            double firstsShare = enrichedBy(enrich.get(0));
            // The second instance leaves mid-run: its partitions go to the first.
            enrich.get(1).close();
            new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(seeds.subList(3, 5));

            Awaitility.await().atMost(FLOW_TIMEOUT).until(() -> articles.countDocuments() == 44);
            assertThat(firstsShare).isPositive();
            try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
                Map<String, Long> notifications = published.drain(Duration.ofSeconds(5)).stream()
                        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertThat(notifications).hasSize(44).allSatisfy((article, count) -> assertThat(count).as(article).isEqualTo(1));
            }
            assertThat(articles.distinct("_id", String.class).into(new ArrayList<>())).hasSize(44);
        }
    }

    /** Articles this instance enriched, from its own metrics. */
    private static double enrichedBy(ServiceProcess instance) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(instance.url("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("newsroom_stage_records_in_total{") && l.contains("outcome=\"success\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
