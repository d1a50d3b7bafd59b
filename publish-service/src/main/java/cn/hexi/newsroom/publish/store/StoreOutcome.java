package cn.hexi.newsroom.publish.store;

/** What a write did: a new article, a newer version of one, or nothing (stale or identical version). */
public enum StoreOutcome {
    INSERTED, UPDATED, UNCHANGED
}
