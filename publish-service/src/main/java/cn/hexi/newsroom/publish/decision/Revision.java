package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.ArticleChange;
import java.util.List;

/**
 * What made a stored version: the pipeline or an editor (then {@code editor} is set), and the fields it changed.
 * {@code keptCorrections} are the fields whose editor's values a pipeline version kept over its own.
 */
public record Revision(ArticleChange change, String editor, List<FieldChange> changes, List<CorrectableField> keptCorrections) {

    public Revision {
        changes = List.copyOf(changes);
        keptCorrections = List.copyOf(keptCorrections);
    }

    public static Revision ofPipeline(ArticleChange change, EditorCorrections kept) {
        return new Revision(change, null, List.of(), List.copyOf(kept.fields()));
    }

    public List<String> changedFieldNames() {
        return changes.stream().map(c -> c.field().jsonName()).toList();
    }
}
