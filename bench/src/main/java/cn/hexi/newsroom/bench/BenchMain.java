package cn.hexi.newsroom.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks matching the argument (all by default) and reports each as passes over the seed corpus per
 * second, MB/s of issue text (UTF-8) and articles per second, per core (each benchmark runs on one thread).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        runJmh(args.length > 0 ? args[0] : "Benchmark").forEach(System.out::println);
    }

    /** Runs the benchmarks matching {@code include} and returns one summary line per benchmark, corpus lines first. */
    public static List<String> runJmh(String include) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                // The heap the services must run in.
                .jvmArgsAppend("-D" + SeedCorpus.PROPERTY + "=" + SeedCorpus.folder(), "-Xmx256m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        long bytes = SeedCorpus.utf8Bytes();
        int articles = EnrichBenchmark.seedArticles().size();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("seed corpus: %d issues, %d bytes (UTF-8), %d articles", SeedCorpus.texts().size(), bytes, articles));
        for (RunResult result : results) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            lines.add(String.format("%s: %.1f ± %.1f corpus passes/s = %.2f MB/s = %.0f articles/s per core", result.getParams().getBenchmark(),
                    opsPerSecond, error, opsPerSecond * bytes / 1_000_000.0, opsPerSecond * articles));
        }
        return lines;
    }
}
