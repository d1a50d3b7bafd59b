package cn.hexi.newsroom.publish.decision;

/** What editors have done to an article: their corrections, and a withdrawal (null while it is published). */
public record Editorial(EditorCorrections corrections, Withdrawal withdrawal) {

    public static final Editorial NONE = new Editorial(EditorCorrections.NONE, null);

    public Editorial {
        corrections = corrections == null ? EditorCorrections.NONE : corrections;
    }

    public boolean withdrawn() {
        return withdrawal != null;
    }
}
