package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.parse.IssueParser;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The enricher on one thread (one core): one operation enriches every article of the seed issues. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnrichBenchmark {

    private ArticleEnricher enricher;
    private List<ParsedArticle> articles;

    static List<ParsedArticle> seedArticles() {
        IssueParser parser = new IssueParser();
        return SeedCorpus.texts().stream().flatMap(text -> parser.parse("0123456789abcdef", null, text).articles().stream()).toList();
    }

    @Setup
    public void load() {
        enricher = new ArticleEnricher(Gazetteer.standard());
        articles = seedArticles();
    }

    @Benchmark
    public int enrichSeedArticles() {
        int places = 0;
        Instant now = Instant.now();
        for (ParsedArticle article : articles) {
            places += enricher.enrich(article, 1, now).enrichment().places().size();
        }
        return places;
    }
}
