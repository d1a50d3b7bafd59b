package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.stack.ops.Reprocess;
import cn.hexi.newsroom.stack.LocalStack;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-to-end throughput and latency benchmark: starts the local stack, drives ingest over HTTP with re-laid-out
 * seed issues at full speed, runs the domain cores' JMH benchmarks, then drives it at 25%, 50% and 90% of the
 * sustained maximum, measures from the published notifications (ingest acceptance to publication), measures Kafka's
 * own ceiling on the same broker with {@code ProducerPerformance}, and writes {@code BENCHMARKS.md}.
 */
public final class PipelineBenchmark {

    private static final EventCodec CODEC = new EventCodec();
    /** The warm-up sends at least this many issues, then rounds of {@link #WARM_UP_ROUND} until the JIT has settled. */
    static final int MIN_WARM_UP_ISSUES = 400;
    static final int WARM_UP_ROUND = 200;
    static final int MAX_WARM_UP_ISSUES = 6000;
    /**
     * The JIT has settled when its compilers spent less than this share of the whole stack's CPU over a warm-up round
     * (from its first issue to its last article's publication). The six JVMs' compilers keep compiling for minutes:
     * they took 47% of the stack's CPU over the first 400 issues, still 10% to 19% after 3,000 (the earlier maximum)
     * and 3.7% after 4,600 in one run, which a sustained rate must leave out, as JMH's warm-up does.
     */
    static final double SETTLED_JIT_SHARE = Double.parseDouble(System.getProperty("bench.settled-jit-share", "0.05"));
    /** The full-speed run sends at least this many issues ({@code BENCH_ISSUES}). */
    static final int REQUESTED_ISSUES = Integer.getInteger("bench.issues", 200);
    /**
     * The full-speed run lasts about this long at least. A burst of a few seconds overstates what the stack holds: its
     * topics absorb the backlog, and work the stack defers (collections, the broker's log) falls after the last
     * article. One 200-issue burst measured 446 articles/s, and the 90% run offered 401 then fell behind.
     */
    static final int SUSTAINED_SECONDS = Integer.getInteger("bench.full-speed-seconds", 30);
    private static final Map<String, String> STAGE_GROUPS = Map.of(
            "parse", "parse-service", "enrich", "enrich-service", "publish", "publish-service");

    private final LocalStack stack;
    private final IssueRelayout issues;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ArticlePublished> published = new ConcurrentHashMap<>();
    private final Map<String, Long> peakLag = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean(true);

    private PipelineBenchmark(LocalStack stack, IssueRelayout issues) {
        this.stack = stack;
        this.issues = issues;
    }

    /**
     * One run: what was sent, what came out, and the CPU each process spent from the run's first upload to its last
     * article's publication.
     */
    record Run(String name, double offeredIssuesPerSecond, int issues, int articles, double seconds, double articlesPerSecond,
               double p50, double p95, double p99, double max, Map<String, ProcessCpu.Usage> cpu) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("newsroom-bench");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String port : List.of("kafka", "kafka-controller", "mongo")) {
            ports.put(port, 0);
        }
        LocalStack.SERVICES.forEach(service -> ports.put(service, 0));
        System.out.println("starting the local stack in " + data + " ...");
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(repo, data, LocalStack.Store.MEMORY_PRE_TOUCHED, null, null, ports, "256m", "bench-key", Map.of()))) {
            IssueRelayout relayout = new IssueRelayout(SeedCorpus.texts(), 9, 20261123L);
            new PipelineBenchmark(stack, relayout).run(repo);
        }
        // Kept when the run failed, for its logs.
        Folders.delete(data);
    }

    private void run(Path repo) throws Exception {
        Thread listener = daemon(this::listen);
        Thread lagSampler = daemon(this::sampleLag);

        System.out.println("warming up (" + issues.blockCount() + " seed articles to re-lay out) ...");
        WarmUp warmUp = warmUp();
        peakLag.clear();

        int fullSpeed = fullSpeedIssues(REQUESTED_ISSUES, warmUp.lastRound());
        System.out.println("full speed: " + fullSpeed + " issues ...");
        Run full = measure("full speed", fullSpeed, 0);
        Map<String, Long> fullSpeedLag = Map.copyOf(peakLag);
        Map<String, double[]> processing = processingPerStage();
        // Next to the full-speed run, so that the ratio of the two is taken in one state of this shared machine.
        List<String> jmh = BenchMain.runJmh("Benchmark");
        double articlesPerIssue = (double) full.articles() / full.issues();

        List<Run> runs = new ArrayList<>(List.of(full));
        for (double fraction : new double[] {0.25, 0.5, 0.9}) {
            double issuesPerSecond = fraction * full.articlesPerSecond() / articlesPerIssue;
            int count = (int) Math.max(10, Math.round(issuesPerSecond * 30));
            System.out.printf("%.0f%% of the maximum: %.2f issues/s, %d issues ...%n", fraction * 100, issuesPerSecond, count);
            runs.add(measure(Math.round(fraction * 100) + "% of max", count, issuesPerSecond));
        }
        String reprocessing = reprocessArchive();
        listening.set(false);
        listener.join(5000);
        lagSampler.interrupt();

        List<ConsumerRecord<String, byte[]>> enriched = sampleRecords(EventType.ARTICLE_ENRICHED.topic(), 2000);
        int recordSize = enriched.isEmpty() ? 4096 : (int) enriched.stream().mapToInt(ConsumerRecord::serializedValueSize).average().orElseThrow();
        KafkaCeiling kafka = KafkaCeiling.measure(stack.kafkaBootstrap(), recordSize, 200_000);
        System.out.println("the producer settings ...");
        String producerSettings = ProducerSettings.section(stack.kafkaBootstrap(), stack.broker().pid(), enriched);
        System.out.println("the embedded file store's writes ...");
        String storeWrites = StoreWrites.section();
        String tracing = TracingCost.section();

        Path file = repo.resolve("BENCHMARKS.md");
        String cpu = ProcessCpu.section(full, ProcessCpu.enrichCorePerCore(jmh)) + ProcessCpu.byLoadSection(runs);
        String report = BenchmarkReport.render(warmUp, runs, articlesPerIssue, fullSpeedLag, processing, recordSize, kafka, jmh, cpu + reprocessing + storeWrites + producerSettings + tracing)
                + BenchmarkReport.handWrittenSections(Files.exists(file) ? Files.readString(file) : "");
        Files.writeString(file, report);
        System.out.println(report);
    }

    /** How the warm-up went: issues sent, the JIT compilers' share of the stack's CPU in each round, and the last round. */
    record WarmUp(int issues, List<Double> jitShares, Run lastRound) {

        boolean settled() {
            return jitShares.get(jitShares.size() - 1) <= SETTLED_JIT_SHARE;
        }
    }

    /** At least {@link #MIN_WARM_UP_ISSUES} issues at full speed, then more until the JIT has settled (or the maximum). */
    private WarmUp warmUp() throws Exception {
        int sent = 0;
        List<Double> shares = new ArrayList<>();
        Run round = null;
        while (sent < MIN_WARM_UP_ISSUES || (shares.get(shares.size() - 1) > SETTLED_JIT_SHARE && sent < MAX_WARM_UP_ISSUES)) {
            int count = sent < MIN_WARM_UP_ISSUES ? MIN_WARM_UP_ISSUES : WARM_UP_ROUND;
            round = measure("warm-up", count, 0);
            shares.add(ProcessCpu.jitShare(round.cpu()));
            sent += count;
            System.out.printf("  the JIT compilers took %.1f%% of the stack's CPU in that round%n", 100 * shares.get(shares.size() - 1));
        }
        return new WarmUp(sent, shares, round);
    }

    /** At least {@code requested} issues, and as many as the last warm-up round's rate sends in {@link #SUSTAINED_SECONDS}. */
    static int fullSpeedIssues(int requested, Run lastWarmUpRound) {
        double issuesPerSecond = lastWarmUpRound.issues() / lastWarmUpRound.seconds();
        return Math.max(requested, (int) Math.ceil(issuesPerSecond * SUSTAINED_SECONDS));
    }

    /**
     * Sends {@code count} new issues, at {@code issuesPerSecond} (0: as fast as ingest accepts them, four uploads at a
     * time), and waits for every one of their articles to be published.
     */
    private Run measure(String name, int count, double issuesPerSecond) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(issues.next());
        }
        ProcessCpu.Sample cpuAtStart = ProcessCpu.sample(stack);
        Instant start = Instant.now();
        Set<String> issueIds = send(texts, issuesPerSecond, start);
        ProcessCpu.Sample cpuAtLastArticle = awaitLastArticle(issueIds, cpuAtStart);
        List<ArticlePublished> mine = published.values().stream().filter(a -> issueIds.contains(a.issueId())).toList();
        List<Double> latencies = mine.stream()
                .map(a -> Duration.between(a.receivedAt(), a.publishedAt()).toNanos() / 1e9).sorted().toList();
        Instant first = mine.stream().map(ArticlePublished::receivedAt).min(Instant::compareTo).orElse(start);
        Instant lastOut = mine.stream().map(ArticlePublished::publishedAt).max(Instant::compareTo).orElse(start);
        double seconds = Math.max(0.001, Duration.between(first, lastOut).toNanos() / 1e9);
        Run run = new Run(name, issuesPerSecond, issueIds.size(), mine.size(), seconds, mine.size() / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), cpuAtLastArticle.since(cpuAtStart));
        System.out.printf("  %s: %d issues, %d articles in %.1f s = %.0f articles/s; latency p50 %.3f s p95 %.3f s p99 %.3f s; %s%n",
                name, run.issues(), run.articles(), run.seconds(), run.articlesPerSecond(), run.p50(), run.p95(), run.p99(),
                ProcessCpu.summary(run));
        return run;
    }

    /** Uploads the texts, at {@code issuesPerSecond} from {@code start} (0: as fast as ingest takes them); their issue ids. */
    private Set<String> send(List<String> texts, double issuesPerSecond, Instant start) throws InterruptedException {
        Set<String> issueIds = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (issuesPerSecond > 0) {
                long due = start.toEpochMilli() + Math.round(i * 1000 / issuesPerSecond);
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
            senders.submit(() -> issueIds.add(upload(text)));
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        return issueIds;
    }

    /** Waits until the published count of these issues stops growing; the stack's CPU when it last grew. */
    private ProcessCpu.Sample awaitLastArticle(Set<String> issueIds, ProcessCpu.Sample cpuAtStart) throws InterruptedException {
        ProcessCpu.Sample cpuAtLastArticle = cpuAtStart;
        int last = -1;
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).toSeconds() < 8) {
            int now = (int) published.values().stream().filter(a -> issueIds.contains(a.issueId())).count();
            if (now != last) {
                last = now;
                quietSince = Instant.now();
                cpuAtLastArticle = ProcessCpu.sample(stack);
            }
            Thread.sleep(500);
        }
        return cpuAtLastArticle;
    }

    /** {@code ./pipeline reprocess --all} over everything the runs stored, as the report's section. */
    private String reprocessArchive() throws Exception {
        System.out.println("reprocessing the archive ...");
        int versionsBefore = published.size();
        try (Reprocess reprocess = new Reprocess(stack.mongoUri(), "newsroom", stack.kafkaBootstrap())) {
            List<RawIssue> archive = reprocess.select(new Reprocess.Selection(List.of(), null, true));
            Reprocess.Progress done = reprocess.run(archive, Duration.ofSeconds(1), Duration.ofMinutes(20), progress -> { });
            Thread.sleep(2000);
            return String.format("## Reprocessing the archive%n%n`./pipeline reprocess --all` over the %d issues the runs stored: %s, "
                    + "%d articles through publish in %.1f s = **%.0f articles/s**; %d new versions notified (the parser and enricher "
                    + "are the ones that stored them, so none should be).%n%n", archive.size(), done.finished() ? "all parsed"
                    : done.issuesDone() + " parsed before the time limit", done.articlesPublished(), done.seconds(), done.articlesPerSecond(),
                    published.size() - versionsBefore);
        }
    }

    private String upload(String text) {
        try {
            URI uri = stack.service("ingest-service").url("/api/issues?sourceName=bench.txt");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/plain; charset=UTF-8")
                    .header("X-API-Key", "bench-key")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"issueId\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(response.body());
            if (response.statusCode() / 100 != 2 || !id.find()) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            return id.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void listen() {
        Properties config = consumerConfig("bench-listener-" + System.nanoTime());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EventType.ARTICLE_PUBLISHED.topic()));
            while (listening.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ArticlePublished article = CODEC.read(record.value(), ArticlePublished.class);
                    published.putIfAbsent(article.articleId() + "@" + article.version(), article);
                }
            }
        }
    }

    /** The largest backlog each stage's consumer group had, sampled every half second. */
    private void sampleLag() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            while (!Thread.currentThread().isInterrupted()) {
                for (Map.Entry<String, String> stage : STAGE_GROUPS.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(stage.getValue())
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                    long lag = committed.entrySet().stream().filter(e -> e.getValue() != null)
                            .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
                    peakLag.merge(stage.getKey(), lag, Math::max);
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("lag sampling stopped: " + e);
        }
    }

    /** Mean processing seconds per input record and records processed, per stage, from each service's metrics. */
    private Map<String, double[]> processingPerStage() throws Exception {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            String body = http.send(HttpRequest.newBuilder(stack.service(service).url("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = sumOf(body, "newsroom_stage_processing_seconds_sum");
            double count = sumOf(body, "newsroom_stage_processing_seconds_count");
            result.put(service.replace("-service", ""), new double[] {count == 0 ? 0 : sum / count, count});
        }
        return result;
    }

    private static double sumOf(String prometheusText, String metric) {
        return prometheusText.lines().filter(l -> l.startsWith(metric + "{") && l.contains("outcome=\"success\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Up to {@code count} records from the start of a topic, as the pipeline wrote them. */
    private List<ConsumerRecord<String, byte[]>> sampleRecords(String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig("bench-sample-" + System.nanoTime()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(10);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records.size() > count ? records.subList(0, count) : records;
    }

    private Properties consumerConfig(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
