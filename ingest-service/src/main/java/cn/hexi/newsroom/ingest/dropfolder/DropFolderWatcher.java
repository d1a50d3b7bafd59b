package cn.hexi.newsroom.ingest.dropfolder;

import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.ingest.IngestProperties;
import cn.hexi.newsroom.ingest.intake.AcceptedIssue;
import cn.hexi.newsroom.ingest.intake.IssueIntake;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.ingest.intake.IssueUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ingests {@code *.txt} files dropped into a folder. An accepted file moves to {@code processed/}; a refused
 * one to {@code failed/} with {@code NAME.reason.txt} beside it. When the broker is unreachable the file stays
 * where it is and is tried again on the next scan, so nothing dropped is lost.
 */
@Component
@ConditionalOnExpression("!'${newsroom.ingest.drop-folder.path:}'.isBlank()")
public class DropFolderWatcher {

    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

    private final IssueIntake intake;
    private final Path folder;
    private final Path processed;
    private final Path failed;
    private final IngestProperties.DropFolder settings;
    private final Clock clock;

    public DropFolderWatcher(IssueIntake intake, IngestProperties properties, Clock clock) throws IOException {
        this.intake = intake;
        this.settings = properties.dropFolder();
        this.folder = settings.path();
        this.processed = folder.resolve("processed");
        this.failed = folder.resolve("failed");
        this.clock = clock;
        Files.createDirectories(processed);
        Files.createDirectories(failed);
        log.info("watching drop folder {}", folder.toAbsolutePath());
    }

    @Scheduled(fixedDelayString = "${newsroom.ingest.drop-folder.poll-interval:2s}")
    public void scan() {
        for (Path file : settledFiles()) {
            ingest(file);
        }
    }

    private void ingest(Path file) {
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = intake.readLimited(in);
            }
            AcceptedIssue accepted = intake.accept(new IssueUpload(bytes, file.getFileName().toString(), null, null, null));
            moveInto(file, processed);
            log.info("drop folder: {} is issue {}", file.getFileName(), accepted.issueId());
        } catch (IssueRejectedException e) {
            refuse(file, e.reason().code() + ": " + e.getMessage());
        } catch (EventPublisher.EventPublishException e) {
            log.warn("drop folder: {} stays for the next scan, the broker did not acknowledge it: {}", file.getFileName(), e.getMessage());
        } catch (IOException e) {
            log.warn("drop folder: cannot read {}: {}", file, e.getMessage());
        }
    }

    private void refuse(Path file, String reason) {
        try {
            Path moved = moveInto(file, failed);
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
            log.warn("drop folder: refused {}: {}", file.getFileName(), reason);
        } catch (IOException e) {
            log.error("drop folder: cannot move refused {} to {}: {}", file, failed, e.getMessage());
        }
    }

    /** Moves a file into a folder without overwriting an earlier file of the same name. */
    private Path moveInto(Path file, Path target) throws IOException {
        String name = file.getFileName().toString();
        Path destination = target.resolve(name);
        for (int n = 1; Files.exists(destination); n++) {
            destination = target.resolve(name.replaceFirst("(\\.txt)?$", "." + n + "$1"));
        }
        return Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Path> settledFiles() {
        Instant settledBefore = clock.instant().minus(settings.settleTime());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.txt")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(settledBefore)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("drop folder: cannot list {}: {}", folder, e.getMessage());
        }
        files.sort(Comparator.comparing(Path::getFileName));
        return files;
    }
}
