package cn.hexi.newsroom.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks matching the argument (all by default) and reports each as seed issues per second and
 * MB/s of issue text (UTF-8) per core.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : "Benchmark";
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-D" + SeedCorpus.PROPERTY + "=" + SeedCorpus.folder(), "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        long bytes = SeedCorpus.utf8Bytes();
        System.out.printf("%nseed corpus: %d issues, %d bytes (UTF-8)%n", SeedCorpus.texts().size(), bytes);
        for (RunResult result : results) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf("%s: %.1f ± %.1f corpus passes/s = %.2f MB/s per core%n", result.getParams().getBenchmark(),
                    opsPerSecond, error, opsPerSecond * bytes / 1_000_000.0);
        }
    }
}
