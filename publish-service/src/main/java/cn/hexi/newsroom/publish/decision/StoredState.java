package cn.hexi.newsroom.publish.decision;

import java.time.Instant;

/**
 * What the store holds of an article: its version, the pipeline's version and content under it, which version was
 * last notified, when it was published, what made it, and what editors have done.
 *
 * @param version        the article's version, which an editor's correction raises too
 * @param machineVersion the enrichment version of the pipeline's output the stored article is made of
 * @param contentHash    the hash of that output (before corrections)
 */
public record StoredState(long version, String contentHash, long notifiedVersion, Instant publishedAt, long machineVersion,
                          Revision revision, Editorial editorial) {

    public StoredState {
        editorial = editorial == null ? Editorial.NONE : editorial;
    }
}
