package cn.hexi.newsroom.publish.store;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides out a store outage: an operation that fails because MongoDB cannot be reached (network, server selection, a
 * primary stepping down) is retried with growing waits until the store answers. The consumer calling it pauses
 * meanwhile, so no record is lost to the outage or sent to the dead letters for it; other errors pass straight through.
 * Each step of a record's processing is retried on its own, so a step already done is not repeated.
 */
public final class StoreAvailability {

    private static final Logger log = LoggerFactory.getLogger(StoreAvailability.class);

    private final Duration initialWait;
    private final Duration maxWait;

    public StoreAvailability(Duration initialWait, Duration maxWait) {
        this.initialWait = initialWait;
        this.maxWait = maxWait;
    }

    public <T> T untilAvailable(String step, Supplier<T> work) {
        Duration wait = initialWait;
        boolean paused = false;
        while (true) {
            try {
                T result = work.get();
                if (paused) {
                    log.info("MongoDB answers again; {} resumed", step);
                }
                return result;
            } catch (MongoSocketException | MongoTimeoutException | MongoNotPrimaryException | MongoNodeIsRecoveringException e) {
                if (!paused) {
                    log.warn("MongoDB cannot be reached during {} ({}); pausing and retrying until it answers", step, e.getMessage());
                    paused = true;
                }
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }

    public void untilAvailable(String step, Runnable work) {
        untilAvailable(step, () -> {
            work.run();
            return null;
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MongoDB", e);
        }
    }
}
