package cn.hexi.newsroom.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxIssueSize largest accepted issue file, in bytes as uploaded
 * @param dropFolder   the watched folder; off when its path is not set
 */
@Validated
@ConfigurationProperties("newsroom.ingest")
public record IngestProperties(
        @DefaultValue("5MB") @NotNull DataSize maxIssueSize,
        @DefaultValue @Valid DropFolder dropFolder) {

    /**
     * @param path         folder to watch for {@code *.txt} files; accepted files move to {@code processed/},
     *                     refused ones to {@code failed/} beside a note saying why
     * @param pollInterval how often the folder is scanned
     * @param settleTime   a file is taken only once it has not changed for this long, so half-copied files wait
     */
    public record DropFolder(
            Path path,
            @DefaultValue("2s") @NotNull Duration pollInterval,
            @DefaultValue("1s") @NotNull Duration settleTime) {
    }
}
