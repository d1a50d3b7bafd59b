package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;

/** A stored article in full: the pipeline's output, the article as published (with corrections), and its state. */
public record StoredArticle(EnrichedArticle machine, EnrichedArticle current, StoredState state) {
}
