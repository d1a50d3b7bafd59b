package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.stack.ops.PrometheusServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code up [--repo DIR] [--data DIR] [--seeds DIR] [--no-seeds] [--scale STAGE=N,...]}: starts the local stack, ingests the seed
 * issues, prints where to look, and runs until Ctrl-C, which stops everything in order. Environment:
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} use external ones instead of the embedded broker and store;
 * {@code KAFKA_PORT}, {@code MONGO_PORT}, {@code INGEST_PORT}, {@code PARSE_PORT}, {@code ENRICH_PORT},
 * {@code PUBLISH_PORT}, {@code PROMETHEUS_PORT} move the ports; {@code NEWSROOM_API_KEY} sets the key write calls need (else one is made up).
 */
public final class LocalStackMain {

    /** The stages {@code --scale} can run more of: ingest stays one, since two would watch the same drop folder. */
    private static final List<String> SCALABLE = List.of("parse", "enrich", "publish");

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.println("usage: up [--repo DIR] [--data DIR] [--seeds DIR] [--no-seeds] [--scale STAGE=N[,STAGE=N]...]");
            System.exit(2);
        }
        Path repo = Path.of(option(args, "--repo", "."));
        Path data = Path.of(option(args, "--data", repo.resolve(".data").toString()));
        Path seeds = Path.of(option(args, "--seeds", repo.resolve("seeds").toString()));
        Files.createDirectories(data.resolve("logs"));
        // Kafka and the store log through slf4j-simple: warnings only, into a file, so the console stays readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", data.resolve("logs").resolve("stack.log").toString());

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", LocalStack.configuredPort("KAFKA_PORT", 9092));
        ports.put("kafka-controller", LocalStack.configuredPort("KAFKA_CONTROLLER_PORT", 9093));
        ports.put("mongo", LocalStack.configuredPort("MONGO_PORT", 27017));
        LocalStack.SERVICES.forEach(service -> ports.put(service, LocalStack.configuredPort(service)));

        System.out.println("starting Kafka, the store and four services (logs in " + data.resolve("logs") + ") ...");
        String apiKey = System.getenv().getOrDefault("NEWSROOM_API_KEY", UUID.randomUUID().toString());
        int prometheusPort = LocalStack.configuredPort("PROMETHEUS_PORT", 9090);
        LocalStack stack;
        try {
            if (PrometheusServer.installed()) {
                PortCheck.requireFree("prometheus", prometheusPort);
            }
            stack = LocalStack.start(new LocalStack.Settings(repo, data, true, System.getenv("KAFKA_BOOTSTRAP_SERVERS"),
                    System.getenv("MONGODB_URI"), ports, "384m", apiKey, Map.of(), scale(option(args, "--scale", ""))));
        } catch (IllegalStateException cannotStart) {
            System.err.println("cannot start the pipeline: " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        PrometheusServer prometheus = startPrometheus(repo, data, stack, prometheusPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the pipeline ...");
            if (prometheus != null) {
                prometheus.close();
            }
            stack.close();
            System.out.println("stopped");
            stopped.countDown();
        }));

        if (!List.of(args).contains("--no-seeds") && Files.isDirectory(seeds)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(seeds)) {
                files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            HttpResponse<String> response = new IssueUploader(stack.service("ingest-service").url("/api/issues")).upload(files);
            System.out.println("ingested " + files.size() + " seed issues: HTTP " + response.statusCode() + " " + response.body());
        }
        System.out.println();
        System.out.println("The pipeline is up:");
        System.out.println("  articles         " + stack.service("publish-service").url("/api/articles"));
        System.out.println("  editors' page    " + stack.service("publish-service").url("/"));
        System.out.println("  issues           " + stack.service("publish-service").url("/api/issues"));
        System.out.println("  webhooks (POST)  " + stack.service("publish-service").url("/api/webhooks") + "  X-API-Key: "
                + (System.getenv("NEWSROOM_API_KEY") == null ? apiKey + " (set NEWSROOM_API_KEY to choose it)" : "$NEWSROOM_API_KEY"));
        System.out.println("  ingest (POST)    " + stack.service("ingest-service").url("/api/issues"));
        System.out.println("  drop folder      " + data.resolve("inbox").toAbsolutePath());
        for (String name : LocalStack.SERVICES) {
            System.out.printf("  %-16s %s%n", name, stack.service(name).url("/actuator/health"));
        }
        System.out.println("  Kafka            " + stack.kafkaBootstrap());
        System.out.println("  MongoDB          " + stack.mongoUri());
        System.out.println("  Prometheus       " + (prometheus != null ? prometheus.url("/") + " (alerts at " + prometheus.url("/alerts") + ")"
                : "not running (apt-get install prometheus gives one); ./pipeline status scrapes the services instead"));
        System.out.println("Each process is restarted when it dies, and ends with this one.");
        System.out.println("./pipeline status shows the flow, lag, dead letters, freshness and the processes with their restarts.");
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    /** Optional: ./pipeline status reads it when there is one, else scrapes the services itself. */
    private static PrometheusServer startPrometheus(Path repo, Path data, LocalStack stack, int port) throws Exception {
        if (!PrometheusServer.installed()) {
            return null;
        }
        PrometheusServer prometheus = PrometheusServer.start(stack, repo, data, port, stack.serviceAddresses(), Duration.ofSeconds(5));
        try {
            prometheus.awaitReady(Duration.ofSeconds(30));
            // Its first scrape before the seeds go in, so that their flow shows in the rates.
            prometheus.awaitQuery("count(up{job=\"newsroom\"} == 1) == " + LocalStack.SERVICES.size(), Duration.ofSeconds(15));
            return prometheus;
        } catch (IllegalStateException e) {
            System.out.println("Prometheus did not start, going on without it: " + e.getMessage());
            prometheus.close();
            return null;
        }
    }

    /** {@code enrich=2,parse=2}: instances by service; each stage shares its topics' partitions among its instances. */
    static Map<String, Integer> scale(String spec) {
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] stageAndCount = part.strip().split("=", 2);
            String service = stageAndCount[0] + "-service";
            if (stageAndCount.length != 2 || !SCALABLE.contains(stageAndCount[0]) || !stageAndCount[1].matches("[1-9][0-9]?")) {
                throw new IllegalArgumentException("--scale takes STAGE=N (N up to 99) with a stage of " + SCALABLE + ": " + part);
            }
            instances.put(service, Integer.parseInt(stageAndCount[1]));
        }
        return instances;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
