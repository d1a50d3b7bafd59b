package cn.hexi.newsroom.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The ingest command refuses what it does not understand before it sends anything. */
class IngestOptionsTest {

    @Test
    void aMisspeltOptionOrNoFileIsAnErrorAndNothingIsSent() {
        // No intake: an error must come before any file is read or sent.
        IngestCommand misspelt = new IngestCommand(null);
        misspelt.run(new DefaultApplicationArguments("--isue-date=2023-09-20", "../seeds/000_03507c266253f217.txt"));
        IngestCommand noFile = new IngestCommand(null);
        noFile.run(new DefaultApplicationArguments("--publication=河西报"));
        IngestCommand badDate = new IngestCommand(null);
        badDate.run(new DefaultApplicationArguments("--issue-date=20.9.2023", "../seeds/000_03507c266253f217.txt"));

        assertThat(misspelt.getExitCode()).isEqualTo(2);
        assertThat(noFile.getExitCode()).isEqualTo(2);
        assertThat(badDate.getExitCode()).isEqualTo(2);
    }
}
