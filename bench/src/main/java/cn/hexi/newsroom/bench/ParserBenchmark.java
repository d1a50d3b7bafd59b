package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.parse.IssueParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The issue parser on one thread (one core): one operation parses every seed issue. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

    private IssueParser parser;
    private List<String> issues;

    @Setup
    public void load() {
        parser = new IssueParser();
        issues = SeedCorpus.texts();
    }

    @Benchmark
    public int parseSeedIssues() {
        int articles = 0;
        for (String issue : issues) {
            articles += parser.parse("0123456789abcdef", null, issue).articles().size();
        }
        return articles;
    }
}
