package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.publish.decision.Decision.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Editors' actions on a stored article as decisions like the pipeline's: a correction or a withdrawal is a new
 * version over the one read (compared when writing, so an edit that raced another writer is made again on what won),
 * notified with its kind of change. An edit that changes nothing makes no version.
 */
public final class Corrector {

    /** An edit refused because of the article's state (a withdrawn article cannot be corrected). */
    public static final class EditRefusedException extends RuntimeException {
        public EditRefusedException(String message) {
            super(message);
        }
    }

    public Decision correct(StoredArticle stored, CorrectionPatch patch, String editor, Instant now) {
        Editorial editorial = stored.state().editorial();
        if (editorial.withdrawn()) {
            throw new EditRefusedException("the article was withdrawn and cannot be corrected");
        }
        EditorCorrections before = editorial.corrections();
        EditorCorrections after = before;
        for (Map.Entry<CorrectableField, Object> set : patch.values().entrySet()) {
            after = after.with(set.getKey(), set.getValue() == null ? null : new Corrected<>(set.getValue(), editor, now));
        }
        EnrichedArticle corrected = after.applyTo(stored.machine());
        List<FieldChange> changes = new ArrayList<>();
        for (CorrectableField field : patch.values().keySet()) {
            Object from = EditorCorrections.valueOf(field, stored.current());
            Object to = EditorCorrections.valueOf(field, corrected);
            boolean correctedBefore = before.get(field) != null;
            boolean correctedAfter = after.get(field) != null;
            if (!Objects.equals(from, to) || correctedBefore != correctedAfter) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        if (changes.isEmpty()) {
            return unchanged(stored);
        }
        return edited(stored, corrected, new Revision(ArticleChange.CORRECTED, editor, changes, List.of()),
                new Editorial(after, null), now);
    }

    public Decision withdraw(StoredArticle stored, String editor, String reason, Instant now) {
        if (stored.state().editorial().withdrawn()) {
            return unchanged(stored);
        }
        Editorial withdrawn = new Editorial(stored.state().editorial().corrections(), new Withdrawal(editor, now, reason));
        return edited(stored, stored.current(), new Revision(ArticleChange.WITHDRAWN, editor, List.of(), List.of()), withdrawn, now);
    }

    private static Decision edited(StoredArticle stored, EnrichedArticle article, Revision revision, Editorial editorial, Instant now) {
        StoredState state = stored.state();
        long version = Math.max(state.version() + 1, now.toEpochMilli());
        return new Decision(article, stored.machine(), Action.REPLACE, state.contentHash(), version, state.version(), now, revision, editorial);
    }

    private static Decision unchanged(StoredArticle stored) {
        StoredState state = stored.state();
        return new Decision(stored.current(), stored.machine(), Action.UNCHANGED, state.contentHash(), state.version(), state.version(),
                state.publishedAt(), state.revision(), state.editorial());
    }
}
