package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.stack.LocalStack;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and GC pause time of every process of the stack, read at two moments of a run: the four services (their
 * JVMs' CPU from the operating system, GC pauses from their metrics), the broker and the store (CPU only: they publish
 * no metrics), and the benchmark's own JVM, the load generator.
 */
final class ProcessCpu {

    static final String HOST = "load generator";
    private static final Pattern ENRICH_JMH = Pattern.compile("EnrichBenchmark.*= (\\d+) articles/s per core");

    /** One reading: CPU seconds and GC pause seconds by process. */
    record Sample(Map<String, Double> cpuSeconds, Map<String, Double> gcSeconds) {
    }

    private ProcessCpu() {
    }

    static Sample sample(LocalStack stack, HttpClient http) throws Exception {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> gc = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            cpu.put(service, cpuSeconds(ProcessHandle.of(stack.service(service).pid()).orElseThrow()));
            String metrics = http.send(HttpRequest.newBuilder(stack.service(service).url("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            gc.put(service, metrics.lines().filter(l -> l.startsWith("jvm_gc_pause_seconds_sum{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
        }
        cpu.put("broker", cpuSeconds(ProcessHandle.of(stack.broker().pid()).orElseThrow()));
        gc.put("broker", Double.NaN);
        cpu.put("store", cpuSeconds(ProcessHandle.of(stack.store().pid()).orElseThrow()));
        gc.put("store", Double.NaN);
        cpu.put(HOST, cpuSeconds(ProcessHandle.current()));
        gc.put(HOST, ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() / 1000.0);
        return new Sample(cpu, gc);
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

    /** The report's section: CPU per article by process over the full-speed run, GC's share, the ratio to the enrich core. */
    static String section(Sample before, Sample after, int articles, double sustained, double enrichPerCore) {
        StringBuilder md = new StringBuilder("## CPU per article\n\n");
        md.append("Each process's CPU time (user and system, from the operating system) and GC pause time over the full-speed run, ")
          .append("divided by the articles it published:\n\n");
        md.append("| process | CPU seconds | CPU per article | GC pauses, share of its CPU |\n|---|---|---|---|\n");
        double total = 0;
        for (String process : after.cpuSeconds().keySet()) {
            double cpu = after.cpuSeconds().get(process) - before.cpuSeconds().get(process);
            double gc = after.gcSeconds().get(process) - before.gcSeconds().get(process);
            total += cpu;
            md.append(String.format("| %s | %.1f | %.2f ms | %s |%n", process, cpu, 1000 * cpu / Math.max(1, articles),
                    Double.isNaN(gc) ? "not measured" : String.format("%.1f%%", cpu == 0 ? 0 : 100 * gc / cpu)));
        }
        md.append(String.format("| **all** | %.1f | **%.2f ms** (target ≤ 6 ms) | |%n%n", total, 1000 * total / Math.max(1, articles)));
        if (enrichPerCore > 0) {
            md.append(String.format("Sustained %.0f articles/s is **%.1f%%** of the enrich core's %.0f articles/s per core (JMH, same run; "
                    + "target ≥ 40%%).%n%n", sustained, 100 * sustained / enrichPerCore, enrichPerCore));
        }
        return md.toString();
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
