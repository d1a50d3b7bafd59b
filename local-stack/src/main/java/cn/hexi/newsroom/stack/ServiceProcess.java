package cn.hexi.newsroom.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** One pipeline service, run from its executable jar as its own supervised JVM, with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final ChildProcess child;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logDir, String heap,
                           JavaCommand.Jit jit, Consumer<ChildProcess> onChange) {
        this.port = port;
        this.child = new ChildProcess(name, JavaCommand.jar(jar, heap, jit), environment, logDir.resolve(name + ".log"), this::healthy, onChange);
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir, String heap,
                                JavaCommand.Jit jit, Consumer<ChildProcess> onChange) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build the services first (./mvnw -DskipTests package)");
        }
        ServiceProcess service = new ServiceProcess(name, jar, port, environment, logDir, heap, jit, onChange);
        service.child.start();
        return service;
    }

    /** The supervised process: its pid, restarts, and a SIGKILL for fault injection. */
    public ChildProcess process() {
        return child;
    }

    /** The operating system's id of the service's JVM, for per-process measurements. */
    public long pid() {
        return child.pid();
    }

    public String name() {
        return child.name();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until {@code /actuator/health} answers UP; fails early if the process dies. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        child.awaitHealthy(timeout);
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
