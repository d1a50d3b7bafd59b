package cn.hexi.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long the benchmark's full-speed run is, and how it reports each run's CPU. */
class PipelineBenchmarkTest {

    private static PipelineBenchmark.Run warmUpRound(int issues, double seconds) {
        return new PipelineBenchmark.Run("warm-up", 0, issues, issues * 7, seconds, issues * 7 / seconds, 0, 0, 0, 0, Map.of());
    }

    @Test
    void theFullSpeedRunSendsWhatTheLastWarmUpRoundsRateSendsInTheSustainedTime() {
        // 200 issues in 5 s: 40 issues/s, so 30 s take 1,200.
        assertThat(PipelineBenchmark.fullSpeedIssues(200, warmUpRound(200, 5.0)))
                .isEqualTo(40 * PipelineBenchmark.SUSTAINED_SECONDS);
    }

    @Test
    void theFullSpeedRunNeverSendsFewerIssuesThanRequested() {
        assertThat(PipelineBenchmark.fullSpeedIssues(5000, warmUpRound(200, 5.0))).isEqualTo(5000);
    }

    @Test
    void eachRunsCpuIsReportedPerArticleForEveryProcessAndAllTogether() {
        Map<String, ProcessCpu.Usage> fullSpeed = new LinkedHashMap<>();
        fullSpeed.put("enrich-service", new ProcessCpu.Usage(2.0, 0.1, 0.1));
        fullSpeed.put("store", new ProcessCpu.Usage(1.0, 0, 0.5));
        Map<String, ProcessCpu.Usage> ninety = new LinkedHashMap<>();
        ninety.put("enrich-service", new ProcessCpu.Usage(3.0, 0, 0.3));
        ninety.put("store", new ProcessCpu.Usage(2.0, 0, 1.0));
        List<PipelineBenchmark.Run> runs = List.of(
                new PipelineBenchmark.Run("full speed", 0, 100, 1000, 4, 250, 0, 0, 0, 0, fullSpeed),
                new PipelineBenchmark.Run("90% of max", 30, 100, 1000, 5, 200, 0, 0, 0, 0, ninety));

        String table = ProcessCpu.byLoadSection(runs);

        assertThat(table).contains("| process | full speed | 90% of max |")
                .contains("| enrich-service | 2.00 (JIT 0.10, GC 0.10) | 3.00 (JIT 0.00, GC 0.30) |")
                .contains("| store | 1.00 (JIT 0.00, GC 0.50) | 2.00 (JIT 0.00, GC 1.00) |")
                .contains("| **all** | **3.00** | **5.00** |");
        assertThat(ProcessCpu.summary(runs.get(1))).isEqualTo("CPU per article 5.00 ms (enrich-service 3.00, store 2.00)");
    }
}
