package cn.hexi.newsroom.events;

/** A parsed article with its enrichment beside it. */
public record EnrichedArticle(ParsedArticle article, Enrichment enrichment) {
}
