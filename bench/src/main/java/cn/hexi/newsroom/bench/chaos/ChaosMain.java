package cn.hexi.newsroom.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline chaos [--issues N] [--seed S]}: a chaos run; exits 1 when anything was lost or doubled. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Send new issues while each process of a local stack of its own is killed with SIGKILL; check nothing is lost or doubled.")
public final class ChaosMain implements Callable<Integer> {

    @Option(names = "--issues", paramLabel = "N", defaultValue = "100", description = "issues to send (default ${DEFAULT-VALUE})")
    int issues;

    @Option(names = "--seed", paramLabel = "S", description = "the order of the faults and the issues' layout (default: drawn, and printed)")
    Long seed;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the checkout, with the built services and seeds/")
    Path repo;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long chosen = seed != null ? seed : System.nanoTime();
        Path data = Files.createTempDirectory("newsroom-chaos");
        ChaosOutcome outcome = new Chaos(new Chaos.Settings(repo.toAbsolutePath().normalize(), data, issues, chosen)).run();
        System.out.println();
        System.out.print(outcome.render());
        System.out.println("(the stack's data and logs: " + data + ")");
        return outcome.clean() ? 0 : 1;
    }
}
