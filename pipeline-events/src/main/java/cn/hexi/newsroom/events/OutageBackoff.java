package cn.hexi.newsroom.events;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides out an outage of something a stage depends on (the broker, the store): work that fails because it cannot be
 * reached is tried again with growing waits until it succeeds, so the stage pauses rather than losing or dead-lettering
 * its input; any other failure passes straight through.
 */
public final class OutageBackoff {

    private static final Logger log = LoggerFactory.getLogger(OutageBackoff.class);

    private final String dependency;
    private final Duration firstWait;
    private final Duration longestWait;
    private final Predicate<RuntimeException> isOutage;

    /**
     * @param dependency what is away, for the log ("MongoDB", "the broker")
     * @param isOutage   which failures mean it is away, rather than that the work itself is wrong
     */
    public OutageBackoff(String dependency, Duration firstWait, Duration longestWait, Predicate<RuntimeException> isOutage) {
        this.dependency = dependency;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.isOutage = isOutage;
    }

    public <T> T untilAvailable(String step, Supplier<T> work) {
        Duration wait = firstWait;
        boolean paused = false;
        while (true) {
            try {
                T result = work.get();
                if (paused) {
                    log.info("{} answers again; {} resumed", dependency, step);
                }
                return result;
            } catch (RuntimeException e) {
                if (!isOutage.test(e)) {
                    throw e;
                }
                if (!paused) {
                    log.warn("{} cannot be reached during {} ({}); pausing and retrying until it answers", dependency, step, e.getMessage());
                    paused = true;
                }
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(longestWait) > 0 ? longestWait : wait.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + dependency, e);
        }
    }
}
