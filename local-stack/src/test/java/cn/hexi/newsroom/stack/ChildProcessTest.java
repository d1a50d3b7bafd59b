package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's supervision: restarts, children that end with their supervisor, ports refused with their holder. */
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void aChildKilledWithSigkillIsRestartedCountedAndRecorded() throws Exception {
        ProcessTable table = new ProcessTable(dir);
        try (ChildProcess child = new ChildProcess("sleeper", JavaCommand.main("32m", JavaCommand.Heap.SHORT_LIVED, SleeperMain.class, List.of()), Map.of(),
                dir.resolve("sleeper.log"), () -> true, table::changed).start()) {
            long first = child.pid();
            child.kill();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> child.alive() && child.pid() != first);
            assertThat(child.restarts()).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ProcessTable.read(dir).orElseThrow().get(0).pid() == child.pid());
            assertThat(ProcessTable.read(dir).orElseThrow()).singleElement()
                    .satisfies(row -> assertThat(row.restarts()).isEqualTo(1)).satisfies(row -> assertThat(row.alive()).isTrue());
        }
    }

    @Test
    void aChildThatKeepsDyingIsRestartedAfterPausesThatDouble() throws Exception {
        List<Long> starts = new CopyOnWriteArrayList<>();
        try (ChildProcess child = new ChildProcess("crasher", JavaCommand.main("32m", JavaCommand.Heap.SHORT_LIVED, SleeperMain.class, List.of("exit")), Map.of(),
                dir.resolve("crasher.log"), () -> true, process -> {
                    if (process.alive()) {
                        starts.add(System.nanoTime());
                    }
                }).start()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> child.restarts() >= 2 && starts.size() >= 3);
        }
        // The first restart waits 1 s, the second 2 s, on top of each start's own run.
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aChildEndsWhenItsSupervisorIsKilledWithSigkill() throws Exception {
        Path log = dir.resolve("supervisor.log");
        Process supervisor = new ProcessBuilder(JavaCommand.main("64m", JavaCommand.Heap.SHORT_LIVED, SupervisorMain.class, List.of(dir.resolve("sleeper.log").toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> childPid(log).isPresent());
            ProcessHandle child = ProcessHandle.of(childPid(log).orElseThrow()).orElseThrow();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("sleeper.log")).contains("ready"));

            supervisor.destroyForcibly().waitFor();

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
            assertThat(Files.readString(dir.resolve("sleeper.log"))).contains("the supervising process " + supervisor.pid() + " is gone");
        } finally {
            supervisor.destroyForcibly();
        }
    }

    @Test
    void aTakenPortIsRefusedWithTheProcessHoldingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThatThrownBy(() -> PortCheck.requireFree("kafka", taken.getLocalPort()))
                    .hasMessageContaining("port " + taken.getLocalPort() + " (kafka) is taken by pid " + ProcessHandle.current().pid());
        }
    }

    private static Optional<Long> childPid(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("child ")).map(l -> Long.parseLong(l.substring(6).strip())).findFirst();
    }
}
