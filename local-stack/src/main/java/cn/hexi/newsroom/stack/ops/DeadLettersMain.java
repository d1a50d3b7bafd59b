package cn.hexi.newsroom.stack.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlq list [--stage S]} and {@code dlq replay --stage S [--id ID]...}, against the Kafka named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code 127.0.0.1:9092}).
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, subcommands = {DeadLettersMain.ListLetters.class, DeadLettersMain.Replay.class},
        description = "List the dead letters, or send them back to their topics after a fix.")
public final class DeadLettersMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeadLettersMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say list or replay");
    }

    private static DeadLetters deadLetters() {
        return new DeadLetters(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every dead letter, or those of one stage.")
    static final class ListLetters implements Callable<Integer> {

        @Option(names = "--stage", paramLabel = "S", description = "ingest, parse, enrich or publish")
        String stage;

        @Override
        public Integer call() throws Exception {
            List<DeadLetters.DeadLetter> letters = deadLetters().list(stage);
            System.out.printf("%-48s %-8s %-22s %-40s %s%n", "id", "stage", "key", "exception", "message");
            for (DeadLetters.DeadLetter d : letters) {
                String message = d.message() == null ? "" : d.message().replaceAll("\\s+", " ");
                System.out.printf("%-48s %-8s %-22s %-40s %s%n", d.id(), d.stage(), d.key(), d.exception(),
                        message.length() > 120 ? message.substring(0, 120) + "…" : message);
            }
            System.out.println(letters.size() + " dead letters");
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Send dead letters back to their original topics.")
    static final class Replay implements Callable<Integer> {

        @Option(names = "--stage", paramLabel = "S", required = true, description = "ingest, parse, enrich or publish")
        String stage;

        @Option(names = "--id", paramLabel = "ID", description = "a dead letter's id, as list shows it (repeat for more; all of the stage when none)")
        List<String> ids = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<DeadLetters.DeadLetter> replayed = deadLetters().replay(stage, ids);
            replayed.forEach(d -> System.out.println("replayed " + d.id() + " to " + d.originalTopic()));
            System.out.println(replayed.size() + " replayed");
            return 0;
        }
    }
}
