package cn.hexi.newsroom.parse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./pipeline parse}: files in, one parsed-issue document out per file; an unknown option is an error, not a file. */
class ParseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesEachFileToOneJsonLine() {
        int exit = ParseCommand.run(new String[] {"../seeds/000_03507c266253f217.txt"}, print(out), print(err));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().startsWith("{\"issueId\":\"8b565a8944396dbb\"");
    }

    @Test
    void aMisspeltOptionIsAnErrorWithTheUsage() {
        int exit = ParseCommand.run(new String[] {"--verbos", "../seeds/000_03507c266253f217.txt"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--verbos'").contains("Usage: parse");
        assertThat(out.size()).isZero();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
