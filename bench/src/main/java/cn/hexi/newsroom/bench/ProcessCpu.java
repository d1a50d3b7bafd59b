package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of every process of the stack (the four services, the broker, the store and the benchmark's own JVM, the
 * load generator), split by what spent it: the JIT compilers' threads, the collector's threads (the serial collector
 * collects in the VM thread), and the rest, the process's own work. The split reads each thread's CPU from
 * {@code /proc/PID/task}; elsewhere all of it counts as work. A thread's time leaves with it: on a machine with more
 * cores, where the JVM stops idle compiler threads beyond the first of each kind, the JIT's share is a lower bound.
 */
final class ProcessCpu {

    static final String HOST = "load generator";
    private static final Pattern ENRICH_JMH = Pattern.compile("EnrichBenchmark.*= (\\d+) articles/s per core");
    /** The kernel reports thread CPU in clock ticks of USER_HZ, 100 a second on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds of one process: all of it, its JIT compilers' and its garbage collector's. */
    record Usage(double total, double jit, double gc) {

        Usage minus(Usage earlier) {
            return new Usage(total - earlier.total, jit - earlier.jit, gc - earlier.gc);
        }

        double work() {
            return total - jit - gc;
        }

        /** The collector's percentage of all the process's CPU. */
        double gcShare() {
            return total <= 0 ? 0 : 100 * gc / total;
        }
    }

    /** One reading of every process, by name. */
    record Sample(Map<String, Usage> usage) {

        /** What the processes spent from {@code earlier} to this sample. */
        Map<String, Usage> since(Sample earlier) {
            Map<String, Usage> spent = new LinkedHashMap<>();
            usage.forEach((process, now) -> spent.put(process, now.minus(earlier.usage.get(process))));
            return spent;
        }
    }

    /** All the processes' CPU together. */
    static Usage all(Map<String, Usage> spent) {
        return spent.values().stream().reduce(new Usage(0, 0, 0), (a, b) -> new Usage(a.total + b.total, a.jit + b.jit, a.gc + b.gc));
    }

    /** The share of all the CPU spent that went to the JIT compilers. */
    static double jitShare(Map<String, Usage> spent) {
        Usage all = all(spent);
        return all.total <= 0 ? 0 : all.jit / all.total;
    }

    /** Milliseconds per article of a CPU second in this run. */
    private static double msPerArticle(PipelineBenchmark.Run run) {
        return 1000.0 / Math.max(1, run.articles());
    }

    /** A run's CPU per article, all processes and by process, for the console. */
    static String summary(PipelineBenchmark.Run run) {
        double perArticle = msPerArticle(run);
        StringBuilder line = new StringBuilder(String.format("CPU per article %.2f ms (", all(run.cpu()).total * perArticle));
        run.cpu().forEach((process, spent) -> line.append(String.format("%s %.2f, ", process, spent.total * perArticle)));
        return line.replace(line.length() - 2, line.length(), ")").toString();
    }

    private ProcessCpu() {
    }

    static Sample sample(LocalStack stack) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            usage.put(service, usage(stack.service(service).pid()));
        }
        usage.put("broker", usage(stack.broker().pid()));
        usage.put("store", usage(stack.store().pid()));
        usage.put(HOST, usage(ProcessHandle.current().pid()));
        return new Sample(usage);
    }

    static Usage usage(long pid) {
        double total = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L) / 1e9;
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return new Usage(total, 0, 0);
        }
        double jit = 0;
        double gc = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String name = read(thread.resolve("comm"));
                double seconds = threadSeconds(read(thread.resolve("stat")));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += seconds;
                } else if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += seconds;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Usage(total, jit, gc);
    }

    /** A thread that ended between listing and reading counts nothing. */
    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException ended) {
            return "";
        }
    }

    /** User plus system time from a {@code stat} line: fields 14 and 15, counted after the command name's parenthesis. */
    static double threadSeconds(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The enrich core's articles/s per core from the JMH lines of the same run; 0 when it did not run. */
    static double enrichCorePerCore(List<String> jmh) {
        for (String line : jmh) {
            Matcher m = ENRICH_JMH.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return 0;
    }

    /** The report's section: CPU per article by process over the full-speed run, split by spender; the ratio to the enrich core. */
    static String section(PipelineBenchmark.Run full, double enrichPerCore) {
        StringBuilder md = new StringBuilder("## CPU per article\n\n");
        md.append("Each process's CPU time (user and system, from the operating system) from the start of the full-speed run to its ")
          .append("last article's publication, divided by the articles published; split by thread into the JIT compilers, the ")
          .append("garbage collector (the VM thread, where the serial collector runs, and any collector thread) and the rest, ")
          .append("the process's own work:\n\n");
        md.append("| process | CPU seconds | CPU per article | of which work | JIT compilers | garbage collector | collector's share (target < 5% in each service) |\n")
          .append("|---|---|---|---|---|---|---|\n");
        double perArticle = msPerArticle(full);
        for (Map.Entry<String, Usage> process : full.cpu().entrySet()) {
            Usage spent = process.getValue();
            md.append(String.format("| %s | %.1f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f%% |%n", process.getKey(), spent.total,
                    spent.total * perArticle, spent.work() * perArticle, spent.jit * perArticle, spent.gc * perArticle, spent.gcShare()));
        }
        Usage all = all(full.cpu());
        md.append(String.format("| **all** | %.1f | **%.2f ms** (target ≤ 6 ms) | %.2f ms | %.2f ms | %.2f ms | %.1f%% |%n%n", all.total,
                all.total * perArticle, all.work() * perArticle, all.jit * perArticle, all.gc * perArticle, all.gcShare()));
        if (enrichPerCore > 0) {
            md.append(String.format("Sustained %.0f articles/s is **%.1f%%** of the enrich core's %.0f articles/s per core (JMH, right after the full-speed run; "
                    + "target ≥ 40%%).%n%n", full.articlesPerSecond(), 100 * full.articlesPerSecond() / enrichPerCore, enrichPerCore));
        }
        return md.toString();
    }

    /**
     * CPU per article of every process in every run: at a lower load the stages take smaller batches, and what the JIT
     * compilers spend as code turns hot falls on fewer articles, so what a process spends per article at 90% against
     * full speed shows what keeps the stack from holding 90% of its maximum.
     */
    static String byLoadSection(List<PipelineBenchmark.Run> runs) {
        StringBuilder md = new StringBuilder("## CPU per article at each load\n\n");
        md.append("The same measure for every run, in ms of CPU per article published (from the run's first upload to its last ")
          .append("article's publication), and in brackets how much of it the JIT compilers and the collector spent:\n\n| process |");
        runs.forEach(run -> md.append(' ').append(run.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(runs.size())).append('\n');
        for (String process : runs.get(0).cpu().keySet()) {
            md.append("| ").append(process).append(" |");
            for (PipelineBenchmark.Run run : runs) {
                Usage spent = run.cpu().get(process);
                double perArticle = msPerArticle(run);
                md.append(String.format(" %.2f (JIT %.2f, GC %.2f) |", spent.total * perArticle, spent.jit * perArticle, spent.gc * perArticle));
            }
            md.append('\n');
        }
        md.append("| **all** |");
        runs.forEach(run -> md.append(String.format(" **%.2f** |", all(run.cpu()).total * msPerArticle(run))));
        return md.append("\n\n").toString();
    }
}
