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

/**
 * {@code ingest-service.jar ingest [--publication=P] [--issue-date=YYYY-MM-DD] [--issue-number=N] FILE...}:
 * publishes files straight to the broker through the same intake as HTTP, printing one line per file.
 * Exits 1 when any file was refused or failed.
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

    @Override
    public void run(ApplicationArguments args) {
        List<String> files = args.getNonOptionArgs();
        if (files.isEmpty()) {
            System.err.println("usage: ingest [--publication=P] [--issue-date=YYYY-MM-DD] [--issue-number=N] FILE...");
            exitCode = 2;
            return;
        }
        String publication = option(args, "publication");
        String date = option(args, "issue-date");
        LocalDate issueDate = date == null ? null : LocalDate.parse(date);
        String issueNumber = option(args, "issue-number");
        for (String name : files) {
            Path file = Path.of(name);
            try (InputStream in = Files.newInputStream(file)) {
                AcceptedIssue accepted = intake.accept(new IssueUpload(intake.readLimited(in), file.getFileName().toString(),
                        publication, issueDate, issueNumber));
                System.out.println(accepted.issueId() + "\t" + name);
            } catch (IssueRejectedException e) {
                System.err.println("refused\t" + name + "\t" + e.reason().code() + ": " + e.getMessage());
                exitCode = 1;
            } catch (IOException | RuntimeException e) {
                System.err.println("failed\t" + name + "\t" + e.getMessage());
                exitCode = 1;
            }
        }
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
