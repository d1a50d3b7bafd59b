package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.ArticleChange;
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
 *
 * <p>The pipeline's versions are compared with the pipeline's version under the stored article, not with the article's
 * version, which an editor's correction raises too; a new pipeline version carries the editors' corrections over, and
 * a withdrawn article stays withdrawn.
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
                state.put(id, decision.stored(now));
            }
        }
        return new ArrayList<>(decisions.values());
    }

    private Decision decide(EnrichedArticle enriched, StoredState current, Decision earlier, Instant now) {
        String hash = contentHash.of(enriched);
        long version = enriched.enrichment().version();
        if (current == null) {
            return new Decision(enriched, enriched, Action.INSERT, hash, version, 0, now, Revision.ofPipeline(ArticleChange.PUBLISHED,
                    EditorCorrections.NONE), Editorial.NONE);
        }
        // A version written earlier in this batch is not in the store yet: the write replaces what was read.
        boolean earlierWrites = earlier != null && earlier.writes();
        long readVersion = earlierWrites ? earlier.readVersion() : current.version();
        Action written = earlierWrites ? earlier.action() : Action.REPLACE;
        EditorCorrections corrections = current.editorial().corrections();
        EnrichedArticle corrected = corrections.applyTo(enriched);
        if (!current.editorial().withdrawn() && current.machineVersion() < version && !current.contentHash().equals(hash)) {
            ArticleChange change = written == Action.INSERT ? ArticleChange.PUBLISHED : ArticleChange.UPDATED;
            return new Decision(corrected, enriched, written, hash, Math.max(version, current.version() + 1), readVersion, now,
                    Revision.ofPipeline(change, corrections), current.editorial());
        }
        Action action = current.machineVersion() == version && current.notifiedVersion() < current.version() ? Action.NOTIFY_STORED
                : Action.UNCHANGED;
        return new Decision(corrected, enriched, action, hash, current.version(), current.version(), current.publishedAt(),
                current.revision(), current.editorial());
    }
}
