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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code up [--repo DIR] [--data DIR] [--seeds DIR] [--no-seeds] [--scale STAGE=N,...]} (picocli: a misspelt option is an
 * error): starts the local stack, ingests the seed
 * issues, prints where to look, and runs until Ctrl-C, which stops everything in order. Environment:
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} use external ones instead of the embedded broker and store;
 * {@code KAFKA_PORT}, {@code MONGO_PORT}, {@code INGEST_PORT}, {@code PARSE_PORT}, {@code ENRICH_PORT},
 * {@code PUBLISH_PORT}, {@code PROMETHEUS_PORT} move the ports; {@code NEWSROOM_API_KEY} sets the key write calls need (else one is made up).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, the store and the four services, supervised; ingest the seeds; run until Ctrl-C.")
public final class LocalStackMain implements Callable<Integer> {

    /** The stages {@code --scale} can run more of: ingest stays one, since two would watch the same drop folder. */
    private static final List<String> SCALABLE = List.of("parse", "enrich", "publish");

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the checkout, with the built services")
    Path repo;
    @Option(names = "--data", paramLabel = "DIR", description = "Kafka's log, the store file, logs and the drop folder (default: REPO/.data)")
    Path data;
    @Option(names = "--seeds", paramLabel = "DIR", description = "the issues to ingest at start (default: REPO/seeds)")
    Path seeds;
    @Option(names = "--no-seeds", description = "ingest nothing at start")
    boolean noSeeds;
    @Option(names = "--scale", paramLabel = "STAGE=N[,STAGE=N]...", defaultValue = "", description = "more instances of parse, enrich or publish")
    String scale;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStackMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data != null ? data : repo.resolve(".data");
        Files.createDirectories(dataDir.resolve("logs"));
        // Kafka and the store log through slf4j-simple: warnings only, into a file, so the console stays readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", dataDir.resolve("logs").resolve("stack.log").toString());
        System.out.println("starting Kafka, the store and four services (logs in " + dataDir.resolve("logs") + ") ...");
        String apiKey = System.getenv().getOrDefault("NEWSROOM_API_KEY", UUID.randomUUID().toString());
        int prometheusPort = LocalStack.configuredPort("PROMETHEUS_PORT", 9090);
        LocalStack stack;
        try {
            if (PrometheusServer.installed()) {
                PortCheck.requireFree("prometheus", prometheusPort);
            }
            stack = LocalStack.start(new LocalStack.Settings(repo, dataDir, LocalStack.Store.FILE, System.getenv("KAFKA_BOOTSTRAP_SERVERS"),
                    System.getenv("MONGODB_URI"), configuredPorts(), "384m", apiKey, Map.of(), scale(scale)));
        } catch (IllegalStateException cannotStart) {
            System.err.println("cannot start the pipeline: " + cannotStart.getMessage());
            return 1;
        }
        PrometheusServer prometheus = startPrometheus(repo, dataDir, stack, prometheusPort);
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
        Path seedDir = seeds != null ? seeds : repo.resolve("seeds");
        if (!noSeeds && Files.isDirectory(seedDir)) {
            ingestSeeds(stack, seedDir, apiKey);
        }
        printWhereToLook(stack, dataDir, apiKey, prometheus);
        stopped.await();
        return 0;
    }

    private static Map<String, Integer> configuredPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", LocalStack.configuredPort("KAFKA_PORT", 9092));
        ports.put("kafka-controller", LocalStack.configuredPort("KAFKA_CONTROLLER_PORT", 9093));
        ports.put("mongo", LocalStack.configuredPort("MONGO_PORT", 27017));
        LocalStack.SERVICES.forEach(service -> ports.put(service, LocalStack.configuredPort(service)));
        return ports;
    }

    private static void ingestSeeds(LocalStack stack, Path seedDir, String apiKey) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(seedDir)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        HttpResponse<String> response = new IssueUploader(stack.service("ingest-service").url("/api/issues"), apiKey).upload(files);
        System.out.println("ingested " + files.size() + " seed issues: HTTP " + response.statusCode() + " " + response.body());
    }

    private static void printWhereToLook(LocalStack stack, Path dataDir, String apiKey, PrometheusServer prometheus) {
        System.out.println();
        System.out.println("The pipeline is up:");
        System.out.println("  articles         " + stack.service("publish-service").url("/api/articles"));
        System.out.println("  editors' page    " + stack.service("publish-service").url("/"));
        System.out.println("  issues           " + stack.service("publish-service").url("/api/issues"));
        System.out.println("  webhooks (POST)  " + stack.service("publish-service").url("/api/webhooks") + "  X-API-Key: "
                + (System.getenv("NEWSROOM_API_KEY") == null ? apiKey + " (set NEWSROOM_API_KEY to choose it)" : "$NEWSROOM_API_KEY"));
        System.out.println("  ingest (POST)    " + stack.service("ingest-service").url("/api/issues") + "  X-API-Key: "
                + (System.getenv("NEWSROOM_INGEST_KEY") != null ? "$NEWSROOM_INGEST_KEY or the admin key" : "the admin key above"
                + " (NEWSROOM_INGEST_KEY sets one that may only ingest)"));
        System.out.println("  drop folder      " + dataDir.resolve("inbox").toAbsolutePath());
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
}
