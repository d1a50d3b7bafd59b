package cn.hexi.newsroom.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Runs the JMH benchmarks matching the argument (all by default) and reports each as passes over the seed corpus per
 * second, MB/s of issue text (UTF-8) and articles per second, per core (each benchmark runs on one thread).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the JMH benchmarks of the domain cores on seeds/.")
public final class BenchMain implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATTERN", defaultValue = "Benchmark", description = "which benchmarks (default: all)")
    String include;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws RunnerException {
        runJmh(include).forEach(System.out::println);
        return 0;
    }

    /**
     * The enricher's JMH score still rose through its fourth to eighth two-second iteration (13 to 21 passes/s in one
     * run) after three warm-up iterations; after ten it holds within the run's noise.
     */
    static final int WARM_UP_ITERATIONS = 10;

    /** Runs the benchmarks matching {@code include} and returns one summary line per benchmark, corpus lines first. */
    public static List<String> runJmh(String include) throws RunnerException {
        Collection<RunResult> results = run(include, WARM_UP_ITERATIONS);
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

    /** One fork per benchmark, in the heap the services must run in; two-second iterations. */
    static Collection<RunResult> run(String include, int warmUpIterations) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(warmUpIterations).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-D" + SeedCorpus.PROPERTY + "=" + SeedCorpus.folder(), "-Xmx256m")
                .build();
        return new Runner(options).run();
    }
}
