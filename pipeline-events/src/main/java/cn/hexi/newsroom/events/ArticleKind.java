package cn.hexi.newsroom.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an article is, as the parser found it; a closed set in the contracts (their {@code kind} enum). */
public enum ArticleKind {
    /** A story under a byline. */
    NEWS("news"),
    /** A photo with its caption and credit. */
    PHOTO("photo"),
    /** An editor's note or a brief under a note marker. */
    NOTE("note"),
    /** An issue the parser found no structure in, as one article. */
    UNSTRUCTURED("unstructured");

    private final String jsonName;

    ArticleKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in events, schemas and the store ({@code news}). */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }
}
