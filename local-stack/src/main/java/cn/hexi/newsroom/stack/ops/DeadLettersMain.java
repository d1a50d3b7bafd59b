package cn.hexi.newsroom.stack.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dlq list [--stage S]} and {@code dlq replay --stage S [--id ID]...}, against the Kafka named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code 127.0.0.1:9092}).
 */
public final class DeadLettersMain {

    private DeadLettersMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("replay"))) {
            System.err.println("usage: dlq list [--stage S] | dlq replay --stage S [--id ID]...");
            System.exit(2);
        }
        String stage = null;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--stage")) {
                stage = args[++i];
            } else if (args[i].equals("--id")) {
                ids.add(args[++i]);
            }
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        DeadLetters deadLetters = new DeadLetters(bootstrap);
        if (args[0].equals("list")) {
            List<DeadLetters.DeadLetter> letters = deadLetters.list(stage);
            System.out.printf("%-48s %-8s %-22s %-40s %s%n", "id", "stage", "key", "exception", "message");
            for (DeadLetters.DeadLetter d : letters) {
                String message = d.message() == null ? "" : d.message().replaceAll("\\s+", " ");
                System.out.printf("%-48s %-8s %-22s %-40s %s%n", d.id(), d.stage(), d.key(), d.exception(),
                        message.length() > 120 ? message.substring(0, 120) + "…" : message);
            }
            System.out.println(letters.size() + " dead letters");
        } else {
            if (stage == null) {
                System.err.println("replay needs --stage");
                System.exit(2);
            }
            List<DeadLetters.DeadLetter> replayed = deadLetters.replay(stage, ids);
            replayed.forEach(d -> System.out.println("replayed " + d.id() + " to " + d.originalTopic()));
            System.out.println(replayed.size() + " replayed");
        }
    }
}
