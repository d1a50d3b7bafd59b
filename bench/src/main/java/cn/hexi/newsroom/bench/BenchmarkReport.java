package cn.hexi.newsroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders {@code BENCHMARKS.md}: the machine, the command, every number of the run, and the limiting stage. */
final class BenchmarkReport {

    private static final Pattern HAND_WRITTEN_HEADING = Pattern.compile("^## .*added by hand.*$", Pattern.MULTILINE);

    private BenchmarkReport() {
    }

    static String render(PipelineBenchmark.WarmUp warmUp, List<PipelineBenchmark.Run> runs, double articlesPerIssue,
                         Map<String, Long> peakLag, Map<String, double[]> processing, int recordSize, KafkaCeiling kafka, List<String> jmh,
                         String measuredSections) {
        PipelineBenchmark.Run full = runs.get(0);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured on ").append(LocalDate.now()).append(" by `./pipeline bench-pipeline` (end to end) and `./pipeline bench` (JMH),\n");
        md.append("on this machine: ").append(machine()).append(".\n\n");
        md.append("The end-to-end run starts the whole local stack on this one machine, each part its own process (Kafka KRaft broker,\n")
          .append("the embedded MongoDB store in memory, its 6 GB heap touched at start-up, the four services with `-Xmx256m`), sends\n")
          .append("new issues made by re-laying out the seed articles (a new selection and order of the seeds' article blocks, with\n")
          .append("long lines cut at new places, so every issue has its own id) over HTTP to ingest, and measures from the\n")
          .append("`newsroom.articles.published` notifications: ")
          .append("latency is the notification's `publishedAt` minus its issue's `receivedAt` (ingest acceptance), both taken on this\n")
          .append("machine's clock. A warm-up runs first and is not counted: ").append(warmUpSentence(warmUp)).append("\n\n");

        md.append("## End to end\n\n");
        md.append("| run | offered load | issues | articles | seconds | articles/s | p50 | p95 | p99 | max |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (PipelineBenchmark.Run run : runs) {
            md.append(String.format("| %s | %s | %d | %d | %.1f | %.0f | %.3f s | %.3f s | %.3f s | %.3f s |%n", run.name(),
                    run.offeredIssuesPerSecond() == 0 ? "as fast as ingest takes them (4 uploads at a time)"
                            : String.format("%.2f issues/s ≈ %.0f articles/s", run.offeredIssuesPerSecond(),
                                    run.offeredIssuesPerSecond() * articlesPerIssue),
                    run.issues(), run.articles(), run.seconds(), run.articlesPerSecond(), run.p50(), run.p95(), run.p99(), run.max()));
        }
        md.append(String.format("%nSustained maximum: **%.0f articles/s** (%.1f articles per issue). ", full.articlesPerSecond(), articlesPerIssue));
        PipelineBenchmark.Run half = run(runs, "50%", full);
        md.append(String.format("At half of it: p50 %.3f s, p99 %.3f s (targets: p50 ≤ 0.5 s, p99 ≤ 2 s: %s). ", half.p50(), half.p99(),
                half.p50() <= 0.5 && half.p99() <= 2 ? "met" : "not met"));
        PipelineBenchmark.Run ninety = run(runs, "90%", full);
        md.append(String.format("At 90%%: p99 %.3f s (target ≤ 5 s: %s), %.0f articles/s published of %.0f offered.%n%n", ninety.p99(),
                ninety.p99() <= 5 ? "met" : "not met", ninety.articlesPerSecond(), ninety.offeredIssuesPerSecond() * articlesPerIssue));
        md.append(String.format("The full-speed run sends at least %d issues (`BENCH_ISSUES`), and as many as the last warm-up round's "
                + "rate sends in %d s, so that its rate is one the stack holds, not a burst its topics absorb.%n%n",
                PipelineBenchmark.REQUESTED_ISSUES, PipelineBenchmark.SUSTAINED_SECONDS));

        md.append(measuredSections);
        md.append("## Kafka's ceiling on the same broker\n\n");
        md.append(String.format("`org.apache.kafka.tools.ProducerPerformance`, %d records of %d bytes (the mean size of an enriched-article "
                + "record in the run), acks=all, idempotent, while the stack was idle:%n%n    %s%n%n", kafka.records(), kafka.recordSize(), kafka.summary()));
        md.append(String.format("The pipeline's sustained maximum is **%.2f%%** of that ceiling (%.0f articles/s against %.0f records/s). "
                + "Each article is written to Kafka three times on its way (parsed, enriched, published), plus its share of the raw "
                + "and parsed-issue records.%n%n", 100 * full.articlesPerSecond() / kafka.recordsPerSecond(), full.articlesPerSecond(), kafka.recordsPerSecond()));

        whereTheLimitIs(md, peakLag, processing);

        md.append("## Domain cores (JMH)\n\n");
        md.append("One thread each, forked JVM with `-Xmx256m`, ").append(BenchMain.WARM_UP_ITERATIONS).append(" × 2 s warm-up, 5 × 2 s measurement, run ")
                .append("right after the full-speed run, the stack idle:\n\n");
        jmh.forEach(line -> md.append("    ").append(line).append('\n'));
        md.append("\n## Reproduce\n\n");
        md.append("    ./pipeline bench-pipeline      # this whole file (about 20 minutes); -Dbench.issues=N via BENCH_ISSUES=N\n");
        md.append("    ./pipeline bench [PATTERN]     # the JMH benchmarks only\n");
        return md.toString();
    }

    private static PipelineBenchmark.Run run(List<PipelineBenchmark.Run> runs, String namePrefix, PipelineBenchmark.Run otherwise) {
        return runs.stream().filter(r -> r.name().startsWith(namePrefix)).findFirst().orElse(otherwise);
    }

    private static String warmUpSentence(PipelineBenchmark.WarmUp warmUp) {
        String shares = warmUp.jitShares().stream().map(share -> String.format("%.1f%%", 100 * share)).collect(Collectors.joining(", "));
        return String.format("%d issues at full speed, %d at least and then rounds of %d until the JIT compilers take at most %.0f%% of "
                        + "the stack's CPU in a round (%s: %s).", warmUp.issues(), PipelineBenchmark.MIN_WARM_UP_ISSUES,
                PipelineBenchmark.WARM_UP_ROUND, 100 * PipelineBenchmark.SETTLED_JIT_SHARE,
                warmUp.settled() ? "their shares by round" : "not reached; their shares by round", shares);
    }

    /** Each stage's backlog and processing time, and which one held the run back. */
    private static void whereTheLimitIs(StringBuilder md, Map<String, Long> peakLag, Map<String, double[]> processing) {
        md.append("## Where the limit is\n\n");
        md.append("| stage | peak backlog of its consumer group (records, full-speed run) | mean processing time per input record | records processed |\n");
        md.append("|---|---|---|---|\n");
        for (Map.Entry<String, double[]> stage : processing.entrySet()) {
            Long lag = peakLag.get(stage.getKey());
            md.append(String.format("| %s | %s | %.2f ms | %.0f |%n", stage.getKey(), lag == null ? "— (HTTP)" : lag.toString(),
                    stage.getValue()[0] * 1000, stage.getValue()[1]));
        }
        String limiting = peakLag.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
        String busiest = processing.entrySet().stream().filter(e -> !e.getKey().equals("ingest"))
                .max(Comparator.comparingDouble(e -> e.getValue()[0] * e.getValue()[1])).map(Map.Entry::getKey).orElse("unknown");
        md.append(String.format("%nThe limiting stage is **%s**: its input backlog grew most while the others kept up. By busy time "
                + "(records × mean processing time) the busiest stage is **%s**. All of it shares two cores with the broker, the store "
                + "and the load generator.%n%n", limiting, busiest));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the processor count below still says something
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format("%d cores (%s), %.0f GiB memory, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    /**
     * The sections of an earlier report written by hand (from a heading that says {@code added by hand} to the end),
     * kept below a new run's numbers: a profile, for one, is not something the benchmark redoes.
     */
    static String handWrittenSections(String previousReport) {
        Matcher heading = HAND_WRITTEN_HEADING.matcher(previousReport);
        return heading.find() ? "\n" + previousReport.substring(heading.start()) : "";
    }
}
