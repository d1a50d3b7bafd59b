package cn.hexi.newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own ceiling on the broker the pipeline runs on: {@code org.apache.kafka.tools.ProducerPerformance} with
 * acks=all, records of the pipeline's size, in its own JVM (it owns its process: it prints and may exit).
 */
public record KafkaCeiling(int records, int recordSize, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
                           double maxLatencyMs, String summary) {

    private static final Pattern FINAL = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency.*");

    public static KafkaCeiling measure(String bootstrap, int recordSize, int records) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench.producer-performance", "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
        System.out.println("Kafka's ceiling: ProducerPerformance, " + records + " records of " + recordSize + " bytes, acks=all ...");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        String last = output.lines().filter(l -> FINAL.matcher(l).matches()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no summary in ProducerPerformance output:\n" + output));
        Matcher m = FINAL.matcher(last);
        m.matches();
        return new KafkaCeiling(Integer.parseInt(m.group(1)), recordSize, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), last.strip());
    }
}
