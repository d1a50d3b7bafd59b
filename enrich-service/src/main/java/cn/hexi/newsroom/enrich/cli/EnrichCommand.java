package cn.hexi.newsroom.enrich.cli;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Enriches parsed issues offline, with no broker: reads parsed-issue documents (what {@code ./pipeline parse} prints)
 * one per line, and prints for each {@code {issueId, articles: [{article, enrichment}]}}, the shapes of the events.
 * {@code ./pipeline enrich FILE...} pipes the two. Exit code 1 when any line was not a parsed issue.
 */
public final class EnrichCommand {

    /** One issue's enriched articles. */
    public record EnrichedIssue(String issueId, List<EnrichedArticle> articles) {
    }

    private EnrichCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err));
    }

    static int run(InputStream in, PrintStream out, PrintStream err) {
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.standard());
        EventCodec codec = new EventCodec();
        int[] bad = {0};
        new ParsedIssueLines(codec).read(in, issue -> {
            Instant now = Instant.now();
            List<EnrichedArticle> enriched = issue.articles().stream().map(a -> enricher.enrich(a, now.toEpochMilli(), now)).toList();
            out.println(codec.writeString(new EnrichedIssue(issue.issueId(), enriched)));
        }, (line, reason) -> {
            err.println("line " + line + ": " + reason);
            bad[0]++;
        });
        out.flush();
        return bad[0] == 0 ? 0 : 1;
    }
}
