package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import java.time.Instant;

/**
 * What to do with one enriched article: store it (as a new article or over the version read), notify the version
 * already stored, or nothing.
 *
 * @param article      the enriched article as it arrived
 * @param action       what to do
 * @param contentHash  the hash of what an editor sees of it
 * @param readVersion  the stored version the write replaces, compared when writing; 0 for a new article
 * @param publishedAt  when the version to notify was (or is now) published
 */
public record Decision(EnrichedArticle article, Action action, String contentHash, long readVersion, Instant publishedAt) {

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

    public String articleId() {
        return article.article().articleId();
    }

    public long version() {
        return article.enrichment().version();
    }

    public boolean writes() {
        return action == Action.INSERT || action == Action.REPLACE;
    }

    public boolean notifies() {
        return action != Action.UNCHANGED;
    }

    /** The same decision after the write lost to another writer: nothing to notify from here. */
    public Decision lost() {
        return new Decision(article, Action.UNCHANGED, contentHash, readVersion, publishedAt);
    }
}
