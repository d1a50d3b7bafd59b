package cn.hexi.newsroom.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short chaos run, as {@code ./pipeline chaos --issues 14} makes it: every process killed once, nothing lost or doubled. */
class ChaosIT {

    private static final Path REPO = Path.of(System.getProperty("newsroom.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void killingEachProcessOnceLosesAndDoublesNothing() throws Exception {
        ChaosOutcome outcome = new Chaos(new Chaos.Settings(REPO, data, 14, 20261202L)).run();
        System.out.print(outcome.render());

        assertThat(outcome.faults()).extracting(Chaos.Fault::target).containsExactlyInAnyOrder(FaultTarget.values());
        assertThat(outcome.expected()).isGreaterThan(90);
        assertThat(outcome.stored()).isEqualTo(outcome.expected());
        assertThat(outcome.clean()).as(outcome.render()).isTrue();
    }
}
