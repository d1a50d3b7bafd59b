package cn.hexi.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How the benchmark splits a process's CPU between its work, its JIT compilers and its garbage collector. */
class ProcessCpuTest {

    @Test
    void aThreadsCpuIsReadAfterItsNameEvenWhenTheNameHasParenthesesAndSpaces() {
        String stat = "4242 (C2 Compiler) (x)) S 4200 4200 4200 0 -1 1077936192 8 0 0 0 1234 56 0 0 20 0 1 0 100 0 0";

        assertThat(ProcessCpu.threadSeconds(stat)).isEqualTo(12.90);
        assertThat(ProcessCpu.threadSeconds("")).isZero();
    }

    @Test
    void thisJvmsCompilersAndCollectorAreAPartOfItsCpu() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }

        ProcessCpu.Usage usage = ProcessCpu.usage(ProcessHandle.current().pid());

        assertThat(sum).isNotZero();
        assertThat(usage.total()).isPositive();
        assertThat(usage.jit()).isPositive();
        assertThat(usage.gc()).isNotNegative();
        assertThat(usage.jit() + usage.gc()).isLessThanOrEqualTo(usage.total() + 0.02);
        assertThat(usage.work()).isPositive();
    }

    @Test
    void theCollectorsShareIsItsPercentageOfTheProcessCpuAndNothingForAnIdleProcess() {
        assertThat(new ProcessCpu.Usage(2.0, 0.5, 0.1).gcShare()).isCloseTo(5.0, within(1e-9));
        assertThat(new ProcessCpu.Usage(0, 0, 0).gcShare()).isZero();
    }
}
