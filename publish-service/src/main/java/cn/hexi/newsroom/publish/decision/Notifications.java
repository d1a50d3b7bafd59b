package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.ParsedArticle;

/** The notification of a stored version, for the topic, the live feed and the webhooks alike. */
public final class Notifications {

    private final String articleUrl;

    /** @param articleUrl the read API's address of an article, less its id */
    public Notifications(String articleUrl) {
        this.articleUrl = articleUrl;
    }

    public ArticlePublished of(Decision decision) {
        ParsedArticle article = decision.article().article();
        Enrichment enrichment = decision.article().enrichment();
        return new ArticlePublished(article.articleId(), article.issueId(), article.sequence(), decision.version(), article.kind(),
                article.section(), article.headline(), enrichment.summary(), enrichment.tags().stream().map(Enrichment.Tag::name).toList(),
                enrichment.places().stream().map(p -> new ArticlePublished.PlaceRef(p.name(), p.type(), p.code())).toList(),
                articleUrl + article.articleId(), article.issue() == null ? null : article.issue().receivedAt(), decision.publishedAt(),
                decision.revision().change(), decision.revision().changedFieldNames());
    }
}
