package cn.hexi.newsroom.publish.editing;

import cn.hexi.newsroom.publish.decision.CorrectionPatch;
import cn.hexi.newsroom.publish.decision.Corrector;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.StoredArticle;
import cn.hexi.newsroom.publish.store.ArticleStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Editors' corrections and withdrawals: each is decided on the stored article ({@link Corrector}), written over the
 * version read, and then notified like the pipeline's versions, the topic first ({@link EditNotifications}). An edit that lost its write to
 * another writer (the pipeline storing a new version meanwhile) is made again on what won, unless the editor asked for
 * the version they saw ({@code If-Match}).
 */
@Service
public class ArticleEditing {

    private static final Logger log = LoggerFactory.getLogger(ArticleEditing.class);
    private static final int MAX_ATTEMPTS = 5;

    /**
     * The article is no longer at the version the editor saw ({@code preconditionFailed}), or other writers kept
     * winning against the edit.
     */
    public static final class VersionConflictException extends RuntimeException {
        private final long currentVersion;
        private final boolean preconditionFailed;

        VersionConflictException(String message, long currentVersion, boolean preconditionFailed) {
            super(message);
            this.currentVersion = currentVersion;
            this.preconditionFailed = preconditionFailed;
        }

        public long currentVersion() {
            return currentVersion;
        }

        public boolean preconditionFailed() {
            return preconditionFailed;
        }
    }

    private final ArticleStore store;
    private final GazetteerPlaces places;
    private final EditNotifications notifications;
    private final Clock clock;
    private final Corrector corrector = new Corrector();

    public ArticleEditing(ArticleStore store, GazetteerPlaces places, EditNotifications notifications, Clock clock) {
        this.store = store;
        this.places = places;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * @param expectedVersion the version the editor corrected, or null for whatever is stored
     * @return the decision made (unchanged when the patch changes nothing), or empty when there is no such article
     * @throws cn.hexi.newsroom.publish.decision.InvalidCorrectionException when the patch cannot be applied
     */
    public Optional<Decision> correct(String id, Map<String, Object> patch, String editor, Long expectedVersion) {
        CorrectionPatch checked = CorrectionPatch.parse(patch, places);
        return edit(id, expectedVersion, stored -> corrector.correct(stored, checked, editor, clock.instant()));
    }

    public Optional<Decision> withdraw(String id, String editor, String reason, Long expectedVersion) {
        return edit(id, expectedVersion, stored -> corrector.withdraw(stored, editor, reason, clock.instant()));
    }

    private Optional<Decision> edit(String id, Long expectedVersion, Function<StoredArticle, Decision> edit) {
        long seen = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredArticle> stored = store.stored(id);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            seen = stored.get().state().version();
            if (expectedVersion != null && seen != expectedVersion) {
                throw new VersionConflictException("the article is at version " + seen + ", not " + expectedVersion, seen, true);
            }
            Decision decision = edit.apply(stored.get());
            if (!decision.writes()) {
                return Optional.of(decision);
            }
            notifications.pending(decision);
            Set<String> lost = store.write(List.of(decision), decision.publishedAt());
            if (lost.isEmpty()) {
                notifications.notifyStored(decision);
                log.info("article {} version {} {} by {}: {}", decision.articleId(), decision.version(), decision.revision().change(),
                        decision.revision().editor(), decision.revision().changedFieldNames());
                return Optional.of(decision);
            }
            notifications.discard(decision);
        }
        throw new VersionConflictException("other writers kept changing the article; try again", seen, false);
    }
}
