package cn.hexi.newsroom.events;

/**
 * The flags the parser sets on an article. The contracts keep {@code flags} an open list of strings, so that a parser
 * adding a flag breaks no consumer; these are the ones it sets today, by their names there.
 */
public enum ArticleFlag {
    /** The story ends mid-sentence: the rest is missing or elsewhere. */
    TRUNCATED("truncated"),
    /** The article holds the rest of a story that jumped pages. */
    CONTINUATION("continuation"),
    /** The headline was printed away from its story and re-attached by matching the lead. */
    ORPHAN_HEADLINE("orphan-headline");

    private final String jsonName;

    ArticleFlag(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean in(ParsedArticle article) {
        return article.flags().contains(jsonName);
    }
}
