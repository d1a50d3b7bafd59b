package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.events.RawIssue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline reprocess (--issue ID... | --since DATE | --all)}: sends stored issues back through parse and
 * enrich, against the MongoDB at {@code MONGODB_URI} and the Kafka at {@code KAFKA_BOOTSTRAP_SERVERS} (the local
 * stack's by default), with a progress bar. Only articles whose content changed get a new version and a notification.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Send stored issues back through parse and enrich; only articles whose content changes get a new version.")
public final class ReprocessMain implements Callable<Integer> {

    /** Exactly one way of choosing the issues. */
    static final class Which {
        @Option(names = "--issue", paramLabel = "ID", required = true, description = "an issue id (repeat for more)")
        List<String> issueIds;
        @Option(names = "--since", paramLabel = "DATE", required = true, description = "issues received on or after this day (YYYY-MM-DD, Beijing time)")
        LocalDate since;
        @Option(names = "--all", required = true, description = "every stored issue")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600", description = "give up waiting after this long (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReprocessMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String mongoUri = System.getenv().getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017/newsroom");
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        try (Reprocess reprocess = new Reprocess(mongoUri, "newsroom", bootstrap)) {
            List<RawIssue> issues = reprocess.select(new Reprocess.Selection(which.issueIds, which.since, which.all));
            if (issues.isEmpty()) {
                System.err.println("no stored issue matches");
                return 1;
            }
            System.out.println("reprocessing " + issues.size() + " issues ...");
            Reprocess.Progress last = reprocess.run(issues, Duration.ofMillis(500), Duration.ofSeconds(timeoutSeconds), p -> System.out.print(bar(p)));
            System.out.println();
            System.out.printf("%s: %d of %d issues, %d articles through publish in %.1f s (%.0f articles/s)%n",
                    last.finished() ? "done" : "timed out", last.issuesDone(), last.issues(), last.articlesPublished(), last.seconds(),
                    last.articlesPerSecond());
            return last.finished() ? 0 : 1;
        }
    }

    /** One line, rewritten in place: done/total, articles/s, time left at the rate so far. */
    public static String bar(Reprocess.Progress p) {
        int width = 30;
        int filled = (int) (width * p.issuesDone() / Math.max(1, p.issues()));
        double issuesPerSecond = p.seconds() <= 0 ? 0 : p.issuesDone() / p.seconds();
        String left = issuesPerSecond <= 0 ? "?" : String.format("%.0f s", (p.issues() - p.issuesDone()) / issuesPerSecond);
        return String.format("\r[%s%s] %d/%d issues · %.0f articles/s · %s left   ", "#".repeat(filled), ".".repeat(width - filled),
                p.issuesDone(), p.issues(), p.articlesPerSecond(), left);
    }
}
