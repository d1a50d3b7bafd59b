package cn.hexi.newsroom.stack.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hexi.newsroom.stack.LocalStackMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The tools' options as picocli parses them: both spellings of a value work, a misspelt option is an error with the usage. */
class CommandLineTest {

    @Test
    void replayTakesItsIdsWithAnEqualsSignOrASpace() {
        CommandLine dlq = new CommandLine(new DeadLettersMain());

        CommandLine.ParseResult parsed = dlq.parseArgs("replay", "--stage", "parse", "--id=a/0/1", "--id", "a/0/2");

        DeadLettersMain.Replay replay = (DeadLettersMain.Replay) parsed.subcommand().commandSpec().userObject();
        assertThat(replay.stage).isEqualTo("parse");
        assertThat(replay.ids).containsExactly("a/0/1", "a/0/2");
    }

    @Test
    void aMisspeltOptionIsAnErrorWithTheUsageInEveryTool() {
        for (Object tool : List.of(new DeadLettersMain(), new StatusMain(), new ReprocessMain(), new LocalStackMain())) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = new CommandLine(tool).setErr(new PrintWriter(err));

            int exit = commandLine.execute(tool instanceof DeadLettersMain ? new String[] {"replay", "--stage", "parse", "--idd", "x"}
                    : new String[] {"--no-such-option", "x"});

            assertThat(exit).as(tool.getClass().getSimpleName()).isEqualTo(2);
            assertThat(err.toString()).as(tool.getClass().getSimpleName()).contains("Unknown option").containsAnyOf("Usage:", "Possible solutions:");
        }
    }

    @Test
    void upTakesItsScaleBothWays() {
        LocalStackMain up = new LocalStackMain();
        new CommandLine(up).parseArgs("--scale=enrich=2", "--no-seeds");
        LocalStackMain spaced = new LocalStackMain();
        new CommandLine(spaced).parseArgs("--scale", "enrich=2");

        assertThat(up).extracting("scale", "noSeeds").containsExactly("enrich=2", true);
        assertThat(spaced).extracting("scale").isEqualTo("enrich=2");
        assertThatThrownBy(() -> new CommandLine(new LocalStackMain()).parseArgs("--scal", "enrich=2"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
