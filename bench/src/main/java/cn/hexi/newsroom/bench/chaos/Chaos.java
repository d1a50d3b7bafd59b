package cn.hexi.newsroom.bench.chaos;

import cn.hexi.newsroom.bench.IssueRelayout;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.intake.IssueDecoder;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.parse.IssueParser;
import cn.hexi.newsroom.stack.ChildProcess;
import cn.hexi.newsroom.stack.LocalStack;
import cn.hexi.newsroom.stack.ops.DeadLetters;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * A chaos run: a local stack of its own (file store, enrich with two instances) takes new issues over HTTP while each of
 * its processes in turn, in an order drawn from the seed, is killed with SIGKILL and restarted by the stack's
 * supervision. Then every expected article must be stored once, each version notified once on the topic and delivered
 * once to a webhook, with no dead letter.
 */
public final class Chaos {

    /** How long the pipeline may take to finish after the last issue went in. */
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final double ISSUES_PER_SECOND = 4;

    /** @param data the stack's folder: broker log, store file, logs */
    public record Settings(Path repo, Path data, int issues, long seed) {
    }

    /** One fault: what was killed, when, and how long until it served again. */
    public record Fault(FaultTarget target, String process, Instant at, Duration recovery) {
    }

    private final Settings settings;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Chaos(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public ChaosOutcome run() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List.of("kafka", "kafka-controller", "mongo").forEach(port -> ports.put(port, 0));
        LocalStack.SERVICES.forEach(service -> ports.put(service, 0));
        System.out.println("starting a local stack in " + settings.data() + " (enrich with two instances) ...");
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(settings.repo(), settings.data(), LocalStack.Store.FILE, null, null, ports, "256m",
                "chaos-key", Map.of(), Map.of("enrich-service", 2)));
             WebhookReceiver webhook = new WebhookReceiver();
             NotificationLog notifications = new NotificationLog(stack.kafkaBootstrap())) {
            subscribe(stack, webhook.url());
            Map<String, String> texts = issues();
            Map<String, String> expected = expectedArticles(texts);
            System.out.printf("%d issues, %d articles expected; seed %d%n", texts.size(), expected.size(), settings.seed());
            List<Fault> faults = sendWithFaults(stack, new ArrayList<>(texts.values()));
            awaitSettled(stack, expected, notifications, webhook);
            return outcome(stack, expected, faults, notifications, webhook);
        }
    }

    /** New issues re-laid out from the seeds, by their issue id as ingest will compute it. */
    private Map<String, String> issues() throws IOException {
        List<String> seeds;
        try (Stream<Path> files = Files.list(settings.repo().resolve("seeds"))) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().map(Chaos::read).toList();
        }
        IssueRelayout relayout = new IssueRelayout(seeds, 8, random.nextLong());
        Map<String, String> texts = new LinkedHashMap<>();
        IssueDecoder decoder = new IssueDecoder();
        while (texts.size() < settings.issues()) {
            String text = relayout.next();
            texts.put(IssueIds.of(decoder.decode(text.getBytes(StandardCharsets.UTF_8)).text()), text);
        }
        return texts;
    }

    /** Article id to issue id, from the parser itself: what the pipeline must store. */
    private static Map<String, String> expectedArticles(Map<String, String> texts) {
        IssueParser parser = new IssueParser();
        IssueDecoder decoder = new IssueDecoder();
        Map<String, String> expected = new LinkedHashMap<>();
        texts.forEach((issueId, text) -> {
            String normalised = decoder.decode(text.getBytes(StandardCharsets.UTF_8)).text();
            for (ParsedArticle article : parser.parse(issueId, null, normalised).articles()) {
                expected.put(article.articleId(), issueId);
            }
        });
        return expected;
    }

    /**
     * The issues in one block per fault and a last one without: each block is sent while its fault strikes, and the next
     * begins once the killed process serves again. A send that fails (ingest or the broker down) is retried, as a
     * client would.
     */
    private List<Fault> sendWithFaults(LocalStack stack, List<String> texts) throws Exception {
        List<FaultTarget> order = new ArrayList<>(List.of(FaultTarget.values()));
        Collections.shuffle(order, random);
        List<Fault> faults = new ArrayList<>();
        int blocks = order.size() + 1;
        for (int b = 0; b < blocks; b++) {
            List<String> block = texts.subList(b * texts.size() / blocks, (b + 1) * texts.size() / blocks);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> block.forEach(text -> send(stack, text)));
            if (b < order.size()) {
                Thread.sleep(random.nextInt(1500));
                faults.add(strike(stack, order.get(b)));
            }
            sending.get();
        }
        return faults;
    }

    private Fault strike(LocalStack stack, FaultTarget target) throws InterruptedException {
        ChildProcess victim = target.in(stack, random);
        Instant at = Instant.now();
        System.out.printf("  SIGKILL %s (pid %d)%n", victim.name(), victim.pid());
        victim.kill();
        // Give the supervisor a moment to see the exit, then wait for the new start to serve.
        while (victim.alive()) {
            Thread.sleep(50);
        }
        victim.awaitServing(RECOVERY_LIMIT);
        Fault fault = new Fault(target, victim.name(), at, Duration.between(at, Instant.now()));
        System.out.printf("  %s serves again after %.1f s%n", victim.name(), fault.recovery().toMillis() / 1000.0);
        return fault;
    }

    private void send(LocalStack stack, String text) {
        long pause = Math.round(1000 / ISSUES_PER_SECOND);
        Instant deadline = Instant.now().plus(RECOVERY_LIMIT);
        URI uri = stack.service("ingest-service").url("/api/issues?sourceName=chaos.txt");
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "text/plain; charset=UTF-8").header("X-API-Key", "chaos-key")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    Thread.sleep(pause);
                    return;
                }
            } catch (IOException refusedOrReset) {
                // ingest is down or was killed mid-request: send again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ingest did not take an issue for " + RECOVERY_LIMIT);
            }
            sleep(500);
        }
    }

    private void subscribe(LocalStack stack, URI target) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(stack.service("publish-service").url("/api/webhooks"))
                .header("Content-Type", "application/json").header("X-API-Key", "chaos-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + target + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("webhook subscription answered " + created.statusCode() + ": " + created.body());
        }
    }

    /** Until every expected article is stored, notified and delivered, then a little longer for any late double. */
    private void awaitSettled(LocalStack stack, Map<String, String> expected, NotificationLog notifications, WebhookReceiver webhook)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> notified = notifications.latestVersions();
            Map<String, ?> delivered = webhook.deliveryIdsByVersion();
            boolean done = expected.keySet().stream().allMatch(id -> notified.containsKey(id) && delivered.containsKey(id + "@" + notified.get(id)));
            if (done && stored(stack, expected.keySet()).size() == expected.size()) {
                sleep(10_000);
                return;
            }
            sleep(1000);
        }
    }

    /** Each stored article's version, for the expected ids. */
    private static Map<String, Long> stored(LocalStack stack, Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            client.getDatabase("newsroom").getCollection("articles").find(Filters.in("_id", ids))
                    .projection(Projections.include("_id", "version"))
                    .forEach((Document d) -> versions.put(d.getString("_id"), d.getLong("version")));
        } catch (RuntimeException storeDown) {
            return versions;
        }
        return versions;
    }

    private ChaosOutcome outcome(LocalStack stack, Map<String, String> expected, List<Fault> faults, NotificationLog notifications,
                                 WebhookReceiver webhook) throws Exception {
        Map<String, Long> stored = stored(stack, expected.keySet());
        int deadLetters = new DeadLetters(stack.kafkaBootstrap()).list(null).size();
        return ChaosOutcome.of(expected.keySet(), stored, notifications.countsByVersion(), webhook.deliveryIdsByVersion(),
                webhook.repeatedArrivals(), deadLetters, faults, settings);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
