package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.stack.LocalStack;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status [--window SECONDS]}: the running pipeline at a glance. Reads the Prometheus at {@code PROMETHEUS_URL}
 * (default {@code http://127.0.0.1:9090}, where {@code ./pipeline up} starts one when Prometheus is installed); without
 * one, scrapes the services on 127.0.0.1 ({@code INGEST_PORT} ... {@code PUBLISH_PORT}, defaults 8081-8084) twice,
 * the window apart. Exits 1 when a stage does not answer.
 */
public final class StatusMain {

    private StatusMain() {
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(5);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--window") && i + 1 < args.length) {
                window = Duration.ofSeconds(Long.parseLong(args[++i]));
            } else {
                System.err.println("usage: status [--window SECONDS]");
                System.exit(2);
            }
        }
        URI prometheus = URI.create(System.getenv().getOrDefault("PROMETHEUS_URL", "http://127.0.0.1:9090"));
        Optional<PipelineStatus> fromPrometheus = new PrometheusStatus(prometheus, Clock.systemUTC()).read();
        PipelineStatus status = fromPrometheus.isPresent() ? fromPrometheus.get()
                : new ScrapedStatus(localServices(), window, Clock.systemUTC()).read("no Prometheus scraping the pipeline at " + prometheus);
        System.out.print(status.render(ZoneId.systemDefault()));
        System.exit(status.allUp() ? 0 : 1);
    }

    private static Map<String, URI> localServices() {
        Map<String, URI> services = new LinkedHashMap<>();
        for (String stage : PipelineStatus.STAGES) {
            services.put(stage, URI.create("http://127.0.0.1:" + LocalStack.configuredPort(stage + "-service") + "/actuator/prometheus"));
        }
        return services;
    }
}
