package cn.hexi.newsroom.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What made a stored version of an article: the pipeline's first or a later output, or an editor's action. */
public enum ArticleChange {
    /** The article's first version. */
    @JsonProperty("published")
    PUBLISHED,
    /** A new output of the pipeline (a re-sent issue, a reprocess); fields an editor corrected keep the editor's values. */
    @JsonProperty("updated")
    UPDATED,
    /** An editor changed some fields. */
    @JsonProperty("corrected")
    CORRECTED,
    /** An editor withdrew the article: it is no longer to be shown. */
    @JsonProperty("withdrawn")
    WITHDRAWN
}
