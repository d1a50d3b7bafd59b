package cn.hexi.newsroom.ingest.cli;

import cn.hexi.newsroom.ingest.intake.AcceptedIssue;
import cn.hexi.newsroom.ingest.intake.IssueIntake;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.ingest.intake.IssueUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest-service.jar ingest [--publication=P] [--issue-date=YYYY-MM-DD] [--issue-number=N] FILE...}:
 * publishes files straight to the broker through the same intake as HTTP, printing one line per file.
 * Exits 1 when any file was refused or failed, 2 on an unknown or malformed option.
 */
@Component
@Profile(IngestCommand.PROFILE)
public class IngestCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String PROFILE = "cli";

    private final IssueIntake intake;
    private int exitCode;

    public IngestCommand(IssueIntake intake) {
        this.intake = intake;
    }

    /** The command's options, parsed by picocli from the arguments as given. */
    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Publish issue files straight to the broker.")
    static final class Options {
        @Option(names = "--publication", paramLabel = "P", description = "the paper's name")
        String publication;
        @Option(names = "--issue-date", paramLabel = "YYYY-MM-DD", description = "the issue's date")
        LocalDate issueDate;
        @Option(names = "--issue-number", paramLabel = "N", description = "the issue's number")
        String issueNumber;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "issue files")
        List<Path> files;
    }

    @Override
    public void run(ApplicationArguments args) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args.getSourceArgs());
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            commandLine.usage(System.err);
            exitCode = 2;
            return;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return;
        }
        options.files.forEach(file -> ingest(file, options));
    }

    private void ingest(Path file, Options options) {
        try (InputStream in = Files.newInputStream(file)) {
            AcceptedIssue accepted = intake.accept(new IssueUpload(intake.readLimited(in), file.getFileName().toString(),
                    options.publication, options.issueDate, options.issueNumber));
            System.out.println(accepted.issueId() + "\t" + file);
        } catch (IssueRejectedException e) {
            System.err.println("refused\t" + file + "\t" + e.reason().code() + ": " + e.getMessage());
            exitCode = 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("failed\t" + file + "\t" + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
