package cn.hexi.newsroom.stack.ops;

import cn.hexi.newsroom.stack.ChildProcess;
import cn.hexi.newsroom.stack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) for the local stack: the project's own
 * {@code ops/prometheus} configuration and alerts, with the scrape targets rewritten to where the local services listen.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Prometheus cannot watch the stack itself, so a shell runs it and stops it when the stack's pid is gone (as each JVM
     * child does by itself), or when the shell is asked to stop.
     */
    private static final String WATCHDOG = "\"$@\" & child=$!; trap 'kill -TERM $child' TERM INT; "
            + "while kill -0 \"$NEWSROOM_PARENT_PID\" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; "
            + "kill -TERM $child 2>/dev/null; wait $child";

    private final ChildProcess process;
    private final int port;

    private PrometheusServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * @param serviceUrls where each service listens ({@code ingest-service} to {@code 127.0.0.1:8081}), replacing the
     *                    docker-compose host names of the configuration
     */
    public static PrometheusServer start(LocalStack stack, Path repo, Path dataDir, int port, Map<String, String> serviceUrls,
                                         Duration scrapeInterval) throws IOException {
        Path home = Files.createDirectories(dataDir.resolve("prometheus"));
        Path config = repo.resolve("ops/prometheus/prometheus.yml");
        String text = Files.readString(config)
                .replaceAll("scrape_interval: \\S+", "scrape_interval: " + scrapeInterval.toSeconds() + "s")
                .replaceAll("evaluation_interval: \\S+", "evaluation_interval: " + scrapeInterval.toSeconds() + "s");
        for (Map.Entry<String, String> service : serviceUrls.entrySet()) {
            text = text.replaceAll("\"" + service.getKey() + ":\\d+\"", "\"" + service.getValue() + "\"");
        }
        Files.writeString(home.resolve("prometheus.yml"), text);
        Files.copy(repo.resolve("ops/prometheus/alerts.yml"), home.resolve("alerts.yml"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of("/bin/sh", "-c", WATCHDOG, "prometheus", BINARY.toString(),
                "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port);
        return new PrometheusServer(stack.supervise("prometheus", command, () -> ready(port)), port);
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        process.awaitHealthy(timeout);
    }

    /** Waits until an instant query has a result (a comparison that holds), or the timeout passes. */
    public boolean awaitQuery(String promql, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (query(promql).filter(answer -> !answer.contains("\"result\":[]")).isPresent()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The raw JSON answer of an instant query, or empty when Prometheus cannot be reached. */
    public Optional<String> query(String promql) {
        return query(url("/"), promql);
    }

    /** An instant query against any Prometheus server at {@code base}. */
    public static Optional<String> query(URI base, String promql) {
        URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
