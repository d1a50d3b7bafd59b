package cn.hexi.newsroom.publish.decision;

import java.time.Instant;

/** What the store holds of an article: its version and content, which version was last notified, and when it was published. */
public record StoredState(long version, String contentHash, long notifiedVersion, Instant publishedAt) {
}
