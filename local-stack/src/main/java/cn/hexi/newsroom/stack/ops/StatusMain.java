package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.stack.LocalStack;
import cn.hexi.newsroom.stack.ProcessTable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status [--window SECONDS] [--data DIR]}: the running pipeline at a glance. Reads the Prometheus at
 * {@code PROMETHEUS_URL} (default {@code http://127.0.0.1:9090}, where {@code ./pipeline up} starts one when Prometheus
 * is installed); without one, scrapes the services on 127.0.0.1 ({@code INGEST_PORT} ... {@code PUBLISH_PORT}, defaults
 * 8081-8084) twice, the window apart. When {@code ./pipeline up} runs from the data folder, also its processes, with
 * their restarts. Exits 1 when a stage does not answer.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "The running pipeline per stage, its freshness and its processes.")
public final class StatusMain implements Callable<Integer> {

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "5", description = "scrape interval without Prometheus (default ${DEFAULT-VALUE})")
    long windowSeconds;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".data", description = "the data folder of ./pipeline up (default ${DEFAULT-VALUE})")
    Path data;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StatusMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        URI prometheus = URI.create(System.getenv().getOrDefault("PROMETHEUS_URL", "http://127.0.0.1:9090"));
        Optional<PipelineStatus> fromPrometheus = new PrometheusStatus(prometheus, Clock.systemUTC()).read();
        PipelineStatus status = fromPrometheus.isPresent() ? fromPrometheus.get()
                : new ScrapedStatus(localServices(), Duration.ofSeconds(windowSeconds), Clock.systemUTC())
                        .read("no Prometheus scraping the pipeline at " + prometheus,
                                () -> System.err.println("no Prometheus at " + prometheus + ": measuring the flow for " + windowSeconds + " s..."));
        System.out.print(status.render(ZoneId.systemDefault()));
        ProcessTable.read(data).ifPresent(rows -> System.out.print(processes(rows, Instant.now())));
        return status.allUp() ? 0 : 1;
    }

    /** The local stack's processes: pid, whether it runs, restarts so far, how long the current start has been up. */
    static String processes(List<ProcessTable.Row> rows, Instant now) {
        StringBuilder out = new StringBuilder(String.format("%nprocesses of ./pipeline up%n%-18s %8s %-8s %8s %10s%n", "process", "pid",
                "running", "restarts", "up for"));
        for (ProcessTable.Row row : rows) {
            out.append(String.format("%-18s %8d %-8s %8d %10s%n", row.name(), row.pid(), row.alive() ? "yes" : "NO", row.restarts(),
                    row.alive() ? Duration.between(row.startedAt(), now).toSeconds() + " s" : "-"));
        }
        return out.toString();
    }

    private static Map<String, URI> localServices() {
        Map<String, URI> services = new LinkedHashMap<>();
        for (String stage : PipelineStatus.STAGES) {
            services.put(stage, URI.create("http://127.0.0.1:" + LocalStack.configuredPort(stage + "-service") + "/actuator/prometheus"));
        }
        return services;
    }
}
