package cn.hexi.newsroom.publish.api;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParseReport;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.publish.PublishProperties;
import cn.hexi.newsroom.publish.decision.CorrectableField;
import cn.hexi.newsroom.publish.decision.Corrected;
import cn.hexi.newsroom.publish.decision.Editorial;
import cn.hexi.newsroom.publish.decision.FieldChange;
import cn.hexi.newsroom.publish.decision.Revision;
import cn.hexi.newsroom.publish.decision.Withdrawal;
import cn.hexi.newsroom.publish.store.ArticleQuery;
import cn.hexi.newsroom.publish.store.ArticleStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
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
    private final EventCodec codec;
    private final PublishProperties properties;

    public ArticleReader(ArticleStore store, EventCodec codec, PublishProperties properties) {
        this.store = store;
        this.codec = codec;
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
        return new ArticleList(page.items().stream().map(this::article).toList(), page.nextCursor());
    }

    public Optional<ArticleView> article(String id) {
        return store.article(id).map(this::article);
    }

    public Optional<IssueView> issue(String id) {
        return store.issue(id).map(this::issue);
    }

    public List<IssueView> issues(int page, int size) {
        return store.issues(page, size).stream().map(this::issue).toList();
    }

    public long issueCount() {
        return store.issueCount();
    }

    /** The normalised text of an issue, which its articles' spans point into; null before the issue's parse is recorded. */
    public String issueText(String issueId) {
        return store.issueText(issueId);
    }

    /** Every version of an article, oldest first; empty when there is no such article. */
    public List<VersionView> versions(String id) {
        return store.versions(id).stream().map(v -> new VersionView(v.version(), v.at(), v.revision().change(), v.revision().editor(),
                v.revision().changes(), v.revision().keptCorrections(), v.note())).toList();
    }

    private ArticleView article(Document d) {
        Revision revision = read(d.get("revision", Document.class), Revision.class);
        Editorial editorial = Optional.ofNullable(read(d.get("editorial", Document.class), Editorial.class)).orElse(Editorial.NONE);
        List<CorrectionView> corrections = editorial.corrections().fields().stream().map(field -> {
            Corrected<?> corrected = editorial.corrections().get(field);
            return new CorrectionView(field, corrected.editor(), corrected.at());
        }).toList();
        return new ArticleView(d.getString("_id"), d.getLong("version"), instant(d.getDate("publishedAt")),
                properties.articleUrl() + d.getString("_id"),
                read(d.get("article", Document.class), ParsedArticle.class), read(d.get("enrichment", Document.class), Enrichment.class),
                editorial.withdrawn() ? "withdrawn" : "usable", revision == null ? ArticleChange.PUBLISHED : revision.change(), corrections,
                editorial.withdrawal());
    }

    @SuppressWarnings("unchecked")
    private IssueView issue(Document d) {
        return new IssueView(d.getString("_id"), read(d.get("metadata", Document.class), IssueMetadata.class),
                (List<String>) d.get("articleIds"), d.getInteger("articleCount"), (List<String>) d.get("storedArticleIds"),
                read(d.get("report", Document.class), ParseReport.class), instant(d.getDate("parsedAt")), instant(d.getDate("lastPublishedAt")));
    }

    private <T> T read(Document sub, Class<T> type) {
        return sub == null ? null : codec.read(sub.toJson().getBytes(StandardCharsets.UTF_8), type);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
