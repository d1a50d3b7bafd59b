package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.OutageBackoff;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rides out a store outage: an operation that fails because MongoDB cannot be reached (network, server selection, a
 * primary stepping down) is retried with growing waits until the store answers. The consumer calling it pauses
 * meanwhile, so no record is lost to the outage or sent to the dead letters for it; other errors pass straight through.
 * Each step of a batch's processing is retried on its own, so a step already done is not repeated.
 */
public final class StoreAvailability {

    private final OutageBackoff backoff;

    public StoreAvailability(Duration initialWait, Duration maxWait) {
        this.backoff = new OutageBackoff("MongoDB", initialWait, maxWait, e -> e instanceof MongoSocketException
                || e instanceof MongoTimeoutException || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException);
    }

    public <T> T untilAvailable(String step, Supplier<T> work) {
        return backoff.untilAvailable(step, work);
    }

    public void untilAvailable(String step, Runnable work) {
        untilAvailable(step, () -> {
            work.run();
            return null;
        });
    }
}
