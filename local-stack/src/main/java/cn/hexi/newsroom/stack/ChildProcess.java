package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.events.process.ParentWatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One process of the local stack, supervised: started from a command with its output appended to a log file, restarted
 * with backoff (1 s doubling to 30 s, back to 1 s after a minute up) whenever it exits without being asked to, and
 * told the stack's pid so that it ends with the stack even when the stack is killed outright ({@link ParentWatch}).
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final BooleanSupplier healthy;
    private final Consumer<ChildProcess> onChange;
    private volatile CompletableFuture<Void> exitRecorded = CompletableFuture.completedFuture(null);
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile long logOffsetAtStart;
    private volatile boolean stopping;
    private volatile int restarts;
    private Duration backoff = FIRST_BACKOFF;

    /**
     * @param healthy  whether the process serves (its port answers, its health endpoint says UP)
     * @param onChange called after each start and exit, for the stack's process table
     */
    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log, BooleanSupplier healthy,
                 Consumer<ChildProcess> onChange) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.healthy = healthy;
        this.onChange = onChange;
    }

    /** Starts the process and its supervision. */
    ChildProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        launch();
        return this;
    }

    private synchronized void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(ParentWatch.VARIABLE, Long.toString(ProcessHandle.current().pid()));
        logOffsetAtStart = Files.exists(log) ? Files.size(log) : 0;
        Process started = builder.start();
        process = started;
        startedAt = Instant.now();
        exitRecorded = started.onExit().thenRun(() -> exited(started));
        onChange.accept(this);
    }

    private void exited(Process gone) {
        onChange.accept(this);
        if (stopping || gone != process) {
            return;
        }
        Duration wait = nextBackoff();
        System.out.printf("%s exited with status %d; restarting it in %d s (restart %d; log %s)%n", name, gone.exitValue(),
                wait.toSeconds(), restarts + 1, log);
        Thread restarter = new Thread(() -> restartAfter(wait), "restart-" + name);
        restarter.setDaemon(true);
        restarter.start();
    }

    private synchronized Duration nextBackoff() {
        backoff = Duration.between(startedAt, Instant.now()).compareTo(STABLE) > 0 ? FIRST_BACKOFF : backoff;
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return wait;
    }

    private void restartAfter(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            synchronized (this) {
                if (stopping) {
                    return;
                }
                restarts++;
                launch();
            }
        } catch (IOException e) {
            System.out.println("could not restart " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the process serves; fails early if it exits before it does. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Process watched = process;
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!watched.isAlive()) {
                throw new IllegalStateException(name + " exited with " + watched.exitValue() + "; see " + log);
            }
            if (healthy.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see " + log);
    }

    /** Waits until the process, whichever start of it is running, serves again (after a restart). */
    public void awaitServing(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!(process.isAlive() && healthy.getAsBoolean())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not serving again within " + timeout + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** Whether the current start has written a line beginning with {@code prefix} to its log: a readiness signal. */
    public boolean printedSinceStart(String prefix) {
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(logOffsetAtStart);
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return output.lines().anyMatch(line -> line.startsWith(prefix));
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    /** SIGKILL, as a crash would end it: the supervisor restarts it. */
    public void kill() {
        process.destroyForcibly();
    }

    public String name() {
        return name;
    }

    /** The operating system's id of the current start. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int restarts() {
        return restarts;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Path log() {
        return log;
    }

    /** Graceful stop (SIGTERM: a service drains and commits), forced after a grace period; no restart follows. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        Process current = process;
        // A wrapper (Prometheus's) may have a child of its own: ask it to stop as well.
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExitRecorded();
    }

    /** The exit is written to the process table on another thread; a stop returns only once it has been. */
    private void awaitExitRecorded() {
        try {
            exitRecorded.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("the exit of " + name + " was not recorded: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
