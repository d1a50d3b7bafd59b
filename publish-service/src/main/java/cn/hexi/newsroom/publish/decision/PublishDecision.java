package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.publish.decision.Decision.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publish stage's rule, for a batch of enriched articles against what the store holds: a version is stored when
 * the article is new, or when it is newer than the stored one and differs from it in what an editor sees; a stored
 * version is notified once. Replays change nothing. Two versions of one article in a batch count in order, and only
 * the last one written is kept, so the store is written once per article.
 */
public final class PublishDecision {

    private final ContentHash contentHash;

    public PublishDecision(ContentHash contentHash) {
        this.contentHash = contentHash;
    }

    /** One decision per article id, in the order of each id's first arrival in the batch. */
    public List<Decision> decide(List<EnrichedArticle> batch, Map<String, StoredState> stored, Instant now) {
        Map<String, StoredState> state = new HashMap<>(stored);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (EnrichedArticle enriched : batch) {
            String id = enriched.article().articleId();
            Decision earlier = decisions.get(id);
            Decision decision = decide(enriched, state.get(id), earlier, now);
            if (decision.writes() || earlier == null || !earlier.writes()) {
                decisions.put(id, decision);
            }
            if (decision.writes()) {
                state.put(id, new StoredState(decision.version(), decision.contentHash(), 0, now));
            }
        }
        return new ArrayList<>(decisions.values());
    }

    private Decision decide(EnrichedArticle enriched, StoredState current, Decision earlier, Instant now) {
        String hash = contentHash.of(enriched);
        long version = enriched.enrichment().version();
        // A version written earlier in this batch is not in the store yet: the write replaces what was read.
        long readVersion = earlier != null && earlier.writes() ? earlier.readVersion() : current == null ? 0 : current.version();
        Action written = earlier != null && earlier.writes() ? earlier.action() : current == null ? Action.INSERT : Action.REPLACE;
        if (current == null || (current.version() < version && !current.contentHash().equals(hash))) {
            return new Decision(enriched, written, hash, readVersion, now);
        }
        if (current.version() == version && current.notifiedVersion() < version) {
            return new Decision(enriched, Action.NOTIFY_STORED, hash, current.version(), current.publishedAt());
        }
        return new Decision(enriched, Action.UNCHANGED, hash, current.version(), current.publishedAt());
    }
}
