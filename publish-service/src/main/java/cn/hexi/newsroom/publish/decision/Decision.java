package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import java.time.Instant;

/**
 * What to do with one version of an article: store it (as a new article or over the version read), notify the version
 * already stored, or nothing.
 *
 * @param article      the article to store and notify: the pipeline's output with the editors' corrections applied
 * @param machine      the pipeline's output it is made of
 * @param action       what to do
 * @param contentHash  the hash of what an editor sees of the pipeline's output
 * @param version      the version to store or notify
 * @param readVersion  the stored version the write replaces, compared when writing; 0 for a new article
 * @param publishedAt  when the version to notify was (or is now) published
 * @param revision     what made the version
 * @param editorial    the editors' corrections and withdrawal the version carries
 */
public record Decision(EnrichedArticle article, EnrichedArticle machine, Action action, String contentHash, long version, long readVersion,
                       Instant publishedAt, Revision revision, Editorial editorial) {

    public enum Action {
        /** Not stored yet: insert it, then notify. */
        INSERT,
        /** Newer and different from the stored version: replace it, then notify. */
        REPLACE,
        /** This version is stored but its notification was not sent (a crash between the two): notify it now. */
        NOTIFY_STORED,
        /** Stale or identical: the store and the notifications stay as they are. */
        UNCHANGED
    }

    /** The version stored, to be notified as it is (its notification was not sent). */
    public static Decision notifyStored(StoredArticle stored) {
        StoredState state = stored.state();
        return new Decision(stored.current(), stored.machine(), Action.NOTIFY_STORED, state.contentHash(), state.version(), state.version(),
                state.publishedAt(), state.revision(), state.editorial());
    }

    public String articleId() {
        return article.article().articleId();
    }

    /** The enrichment version of the pipeline's output the version is made of. */
    public long machineVersion() {
        return machine.enrichment().version();
    }

    public boolean writes() {
        return action == Action.INSERT || action == Action.REPLACE;
    }

    public boolean notifies() {
        return action != Action.UNCHANGED;
    }

    /** The state the store holds once this decision's version is written. */
    public StoredState stored(Instant now) {
        return new StoredState(version, contentHash, 0, now, machineVersion(), revision, editorial);
    }
}
