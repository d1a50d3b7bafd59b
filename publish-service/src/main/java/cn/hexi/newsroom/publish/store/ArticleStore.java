package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The system of record: {@code articles} (one document per article id) and {@code issues}. Uses only what both
 * MongoDB and the embedded wire-protocol store support: single-document writes, no transactions.
 *
 * <p>Versioning is a compare-and-set in one replace: the filter matches only an older version with different
 * content, so a stale or identical version finds no document, its upsert collides on {@code _id}, and nothing
 * changes.
 */
public final class ArticleStore {

    public static final String ARTICLES = "articles";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final String ISSUES = "issues";

    private final MongoCollection<Document> articles;
    private final MongoCollection<Document> issues;
    private final EventCodec codec;

    public ArticleStore(MongoDatabase database, EventCodec codec) {
        this.articles = database.getCollection(ARTICLES);
        this.issues = database.getCollection(ISSUES);
        this.codec = codec;
    }

    /** Indexes for the queries the API serves; creating an existing index is a no-op. */
    public void createIndexes() {
        articles.createIndex(Indexes.descending("publishedAt", "_id"));
        articles.createIndex(Indexes.ascending("issueId", "sequence"));
        articles.createIndex(Indexes.ascending("placeCodes"));
        articles.createIndex(Indexes.ascending("tags"));
        articles.createIndex(Indexes.ascending("section"));
        articles.createIndex(Indexes.ascending("newsDate"));
        issues.createIndex(Indexes.descending("receivedAt"), new IndexOptions());
    }

    /** The stored state of an article after a write: which version it holds and which was last notified. */
    public record Stored(StoreOutcome outcome, long version, long notifiedVersion, Instant publishedAt) {
    }

    public Stored store(EnrichedArticle enriched, Instant now) {
        String id = enriched.article().articleId();
        long version = enriched.enrichment().version();
        Document article = Document.parse(codec.writeString(enriched.article()));
        String contentHash = contentHash(enriched);
        Document document = new Document("_id", id)
                .append("issueId", enriched.article().issueId())
                .append("sequence", enriched.article().sequence())
                .append("version", version)
                .append("contentHash", contentHash)
                .append("publishedAt", Date.from(now))
                .append("receivedAt", receivedAt(enriched))
                .append("kind", enriched.article().kind())
                .append("section", enriched.article().section())
                .append("headline", enriched.article().headline())
                .append("placeCodes", placeCodes(enriched.enrichment().places()))
                .append("tags", enriched.enrichment().tags().stream().map(Enrichment.Tag::name).toList())
                .append("newsDate", newsDate(enriched.article()))
                .append("text", searchableText(enriched.article()))
                .append("notifiedVersion", 0L)
                .append("article", article)
                .append("enrichment", Document.parse(codec.writeString(enriched.enrichment())));
        Bson olderAndDifferent = Filters.and(Filters.eq("_id", id), Filters.lt("version", version), Filters.ne("contentHash", contentHash));
        try {
            UpdateResult result = articles.replaceOne(olderAndDifferent, document, new ReplaceOptions().upsert(true));
            StoreOutcome outcome = result.getUpsertedId() != null ? StoreOutcome.INSERTED : StoreOutcome.UPDATED;
            if (outcome == StoreOutcome.INSERTED) {
                issues.updateOne(Filters.eq("_id", enriched.article().issueId()),
                        Updates.combine(Updates.addToSet("storedArticleIds", id), Updates.set("lastPublishedAt", Date.from(now))),
                        new UpdateOptions().upsert(true));
            }
            return new Stored(outcome, version, 0L, now);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document current = articles.find(Filters.eq("_id", id)).first();
            return new Stored(StoreOutcome.UNCHANGED, current.getLong("version"), current.getLong("notifiedVersion"),
                    current.getDate("publishedAt").toInstant());
        }
    }

    /** Records that a version's notification was sent; an older version never overwrites a newer mark. */
    public void markNotified(String articleId, long version) {
        articles.updateOne(Filters.and(Filters.eq("_id", articleId), Filters.lt("notifiedVersion", version)),
                Updates.set("notifiedVersion", version));
    }

    public void recordIssue(IssueParsed parsed, Instant now) {
        Document metadata = Document.parse(codec.writeString(parsed.metadata()));
        issues.updateOne(Filters.eq("_id", parsed.issueId()), Updates.combine(
                Updates.set("metadata", metadata),
                Updates.set("receivedAt", receivedAt(parsed.metadata().receivedAt())),
                Updates.set("articleIds", parsed.articleIds()),
                Updates.set("articleCount", parsed.articleIds().size()),
                Updates.set("report", Document.parse(codec.writeString(parsed.report()))),
                Updates.set("text", parsed.text()),
                Updates.set("parsedAt", Date.from(parsed.parsedAt())),
                Updates.set("recordedAt", Date.from(now))), new UpdateOptions().upsert(true));
    }

    public Optional<Document> article(String id) {
        return Optional.ofNullable(articles.find(Filters.eq("_id", id)).first());
    }

    /** One page of a search, and where the next begins (null after the last). */
    public record ArticlePage(List<Document> items, String nextCursor) {
    }

    /**
     * Newest first ({@code publishedAt}, then id). The cursor is the last item's sort key, so a page is stable while
     * new articles arrive.
     */
    public ArticlePage search(ArticleQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.tag() != null) {
            filters.add(Filters.eq("tags", query.tag()));
        }
        if (query.placeCode() != null) {
            filters.add(Filters.eq("placeCodes", query.placeCode()));
        }
        if (query.section() != null) {
            filters.add(Filters.eq("section", query.section()));
        }
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind()));
        }
        if (query.issueId() != null) {
            filters.add(Filters.eq("issueId", query.issueId()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("newsDate", query.from().toString()));
        }
        if (query.to() != null) {
            filters.add(Filters.lte("newsDate", query.to().toString()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            filters.add(Filters.regex("text", Pattern.quote(query.text().strip())));
        }
        if (query.cursor() != null) {
            Cursor after = Cursor.decode(query.cursor());
            filters.add(Filters.or(Filters.lt("publishedAt", after.publishedAt()),
                    Filters.and(Filters.eq("publishedAt", after.publishedAt()), Filters.gt("_id", after.id()))));
        }
        List<Document> page = articles.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .limit(query.limit() + 1).into(new ArrayList<>());
        String next = null;
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            Document last = page.get(page.size() - 1);
            next = new Cursor(last.getDate("publishedAt"), last.getString("_id")).encode();
        }
        return new ArticlePage(page, next);
    }

    /** A page boundary: the sort key of the last article shown. */
    record Cursor(Date publishedAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((publishedAt.getTime() + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
                return new Cursor(new Date(Long.parseLong(parts[0])), parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not a cursor this API issued: " + cursor, e);
            }
        }
    }

    /** The code of a place stored articles name, for searches by name ({@code 天塔街道}); null when none does. */
    public String placeCode(String name) {
        Document article = articles.find(Filters.elemMatch("enrichment.places", Filters.and(Filters.eq("name", name), Filters.ne("code", null))))
                .first();
        if (article == null) {
            return null;
        }
        for (Document place : article.get("enrichment", Document.class).getList("places", Document.class)) {
            if (name.equals(place.getString("name")) && place.getString("code") != null) {
                return place.getString("code");
            }
        }
        return null;
    }

    public Optional<Document> issue(String id) {
        return Optional.ofNullable(issues.find(Filters.eq("_id", id)).projection(Projections.exclude("text")).first());
    }

    public List<Document> issues(int page, int size) {
        return issues.find().projection(Projections.exclude("text")).sort(Sorts.descending("receivedAt")).skip(page * size).limit(size)
                .into(new ArrayList<>());
    }

    /** The normalised text of an issue, which its articles' spans point into; null before the issue's parse is recorded. */
    public String issueText(String issueId) {
        Document issue = issues.find(Filters.eq("_id", issueId)).projection(Projections.include("text")).first();
        return issue == null ? null : issue.getString("text");
    }

    public long issueCount() {
        return issues.countDocuments();
    }

    /** Every place's code and its parents' codes, so a query for a street finds the articles about its communities. */
    private static List<String> placeCodes(List<Place> places) {
        Set<String> codes = new LinkedHashSet<>();
        for (Place place : places) {
            if (place.code() != null) {
                codes.add(place.code());
                codes.addAll(place.parentCodes());
            }
        }
        return List.copyOf(codes);
    }

    /** The day the news is of: the issue date, or else the day the issue arrived (Beijing time). */
    private static String newsDate(ParsedArticle article) {
        IssueMetadata issue = article.issue();
        if (issue == null) {
            return null;
        }
        if (issue.issueDate() != null) {
            return issue.issueDate().toString();
        }
        return issue.receivedAt() == null ? null : issue.receivedAt().atZone(BEIJING).toLocalDate().toString();
    }

    private static String searchableText(ParsedArticle article) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {article.kicker(), article.headline(), article.subheadline(), article.deck()}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        article.body().forEach(item -> text.append(item.text()).append('\n'));
        return text.toString();
    }

    private static Date receivedAt(EnrichedArticle enriched) {
        return enriched.article().issue() == null ? null : receivedAt(enriched.article().issue().receivedAt());
    }

    private static Date receivedAt(Instant receivedAt) {
        return receivedAt == null ? null : Date.from(receivedAt);
    }

    /**
     * What an editor sees. Left out: the version, the enrichment time and when the issue arrived, so sending the
     * same issue again, or re-enriching it with equal output, is no change.
     */
    private String contentHash(EnrichedArticle enriched) {
        ParsedArticle article = enriched.article();
        IssueMetadata issue = article.issue();
        if (issue != null) {
            article = article.withIssue(new IssueMetadata(issue.publication(), issue.issueDate(), issue.issueNumber(), issue.sourceName(), null));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(codec.write(article));
            digest.update(codec.writeString(enriched.enrichment().places()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
