package cn.hexi.newsroom.events.process;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends this process when the process that supervises it is gone. A supervisor killed with SIGKILL cannot stop its
 * children, so each child watches it instead: the local stack passes its pid in {@value #VARIABLE}, and a service,
 * broker or store it started shuts down in order (its shutdown hooks run) as soon as that pid exits.
 */
public final class ParentWatch {

    /** Longer than a service's graceful shutdown (30 s a phase) takes. */
    private static final Duration ORDERLY_STOP_GRACE = Duration.ofSeconds(40);
    /** The environment variable naming the supervisor's pid. */
    public static final String VARIABLE = "NEWSROOM_PARENT_PID";

    private ParentWatch() {
    }

    /** Watches the pid named by {@value #VARIABLE}, if the environment sets it; returns whether it does. */
    public static boolean fromEnvironment() {
        String pid = System.getenv(VARIABLE);
        if (pid == null || pid.isBlank()) {
            return false;
        }
        watch(Long.parseLong(pid.strip()));
        return true;
    }

    /** Exits this JVM (status 0, shutdown hooks run) once the process {@code pid} has exited, at once if it already has. */
    public static void watch(long pid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            exit(pid);
            return;
        }
        parent.get().onExit().thenRun(() -> exit(pid));
    }

    private static void exit(long pid) {
        System.err.println("the supervising process " + pid + " is gone: stopping");
        // From a thread of its own: System.exit waits for shutdown hooks, which must not wait for the caller.
        Thread stopper = new Thread(() -> System.exit(0), "parent-gone");
        stopper.start();
        Thread backstop = new Thread(ParentWatch::haltAfterGrace, "parent-gone-backstop");
        backstop.setDaemon(true);
        backstop.start();
    }

    /**
     * Spring's shutdown hook waits for a context still starting, and a service whose broker went with the stack waits
     * in the binder's topic provisioning for minutes. Past the grace an orderly stop has had, the process halts: what
     * it acknowledged is already safe, as after any crash.
     */
    private static void haltAfterGrace() {
        try {
            Thread.sleep(ORDERLY_STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("no orderly stop within " + ORDERLY_STOP_GRACE.toSeconds() + " s: halting");
        Runtime.getRuntime().halt(0);
    }
}
