package cn.hexi.newsroom.publish.api;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParseReport;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.publish.PublishProperties;
import cn.hexi.newsroom.publish.decision.CorrectableField;
import cn.hexi.newsroom.publish.decision.Corrected;
import cn.hexi.newsroom.publish.decision.Editorial;
import cn.hexi.newsroom.publish.decision.FieldChange;
import cn.hexi.newsroom.publish.decision.Withdrawal;
import cn.hexi.newsroom.publish.store.ArticleQuery;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.IssueStore;
import cn.hexi.newsroom.publish.store.PublishedArticle;
import cn.hexi.newsroom.publish.store.StoredIssue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The stored articles and issues in the read API's shapes, for every reader of them (the JSON API, the Atom feed). */
@Service
public class ArticleReader {

    /**
     * A stored article as published, editors' corrections included.
     *
     * @param status      {@code usable}, or {@code withdrawn} once an editor withdrew it
     * @param change      what made this version
     * @param corrections the fields editors corrected, which keep their values over the pipeline's new versions
     * @param withdrawal  who withdrew it, when and why; null while it is usable
     */
    public record ArticleView(String articleId, long version, Instant publishedAt, String url, ParsedArticle article, Enrichment enrichment,
                              String status, ArticleChange change, List<CorrectionView> corrections, Withdrawal withdrawal) {

        public boolean withdrawn() {
            return withdrawal != null;
        }
    }

    /** One corrected field: which, by whom and when (the value is the article's). */
    public record CorrectionView(CorrectableField field, String editor, Instant at) {
    }

    /** One version of an article's history: what made it, who, when, and what it changed. */
    public record VersionView(long version, Instant at, ArticleChange change, String editor, List<FieldChange> changes,
                              List<CorrectableField> keptCorrections, String note) {
    }

    public record IssueView(String issueId, IssueMetadata metadata, List<String> articleIds, Integer articleCount,
                            List<String> storedArticleIds, ParseReport report, Instant parsedAt, Instant lastPublishedAt) {
    }

    /** A page of a search; {@code nextCursor} fetches the next page, null after the last. */
    public record ArticleList(List<ArticleView> items, String nextCursor) {
    }

    private final ArticleStore store;
    private final IssueStore issues;
    private final PublishProperties properties;

    public ArticleReader(ArticleStore store, IssueStore issues, PublishProperties properties) {
        this.store = store;
        this.issues = issues;
        this.properties = properties;
    }

    /**
     * Newest first, filtered; a place given by name is looked up first. Throws {@link IllegalArgumentException} for a
     * cursor this API did not issue.
     */
    public ArticleList search(ArticleFilters filters, String cursor, int limit) {
        String place = filters.place();
        String placeCode = place;
        if (place != null && !place.chars().allMatch(Character::isDigit)) {
            placeCode = store.placeCode(place);
            if (placeCode == null) {
                return new ArticleList(List.of(), null); // no stored article names that place
            }
        }
        ArticleStore.ArticlePage page = store.search(new ArticleQuery(filters.tag(), placeCode, filters.section(), filters.kind(),
                filters.issue(), filters.from(), filters.to(), filters.q(), cursor, limit));
        return new ArticleList(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    public Optional<ArticleView> article(String id) {
        return store.article(id).map(this::view);
    }

    /** Every version of an article, oldest first; empty when there is no such article. */
    public List<VersionView> versions(String id) {
        return store.versions(id).stream().map(v -> new VersionView(v.version(), v.at(), v.revision().change(), v.revision().editor(),
                v.revision().changes(), v.revision().keptCorrections(), v.note())).toList();
    }

    public Optional<IssueView> issue(String id) {
        return issues.issue(id).map(ArticleReader::view);
    }

    public List<IssueView> issues(int page, int size) {
        return issues.issues(page, size).stream().map(ArticleReader::view).toList();
    }

    public long issueCount() {
        return issues.issueCount();
    }

    /** The normalised text of an issue, which its articles' spans point into; null before the issue's parse is recorded. */
    public String issueText(String issueId) {
        return issues.issueText(issueId);
    }

    private ArticleView view(PublishedArticle stored) {
        Editorial editorial = stored.editorial();
        List<CorrectionView> corrections = editorial.corrections().fields().stream().map(field -> {
            Corrected<?> corrected = editorial.corrections().get(field);
            return new CorrectionView(field, corrected.editor(), corrected.at());
        }).toList();
        return new ArticleView(stored.articleId(), stored.version(), stored.publishedAt(), properties.articleUrl() + stored.articleId(),
                stored.article().article(), stored.article().enrichment(), editorial.withdrawn() ? "withdrawn" : "usable",
                stored.revision().change(), corrections, editorial.withdrawal());
    }

    private static IssueView view(StoredIssue issue) {
        return new IssueView(issue.issueId(), issue.metadata(), issue.articleIds(), issue.articleCount(), issue.storedArticleIds(),
                issue.report(), issue.parsedAt(), issue.lastPublishedAt());
    }
}
