package cn.hexi.newsroom.publish.store;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.PublishDecision;
import cn.hexi.newsroom.publish.decision.Revision;
import cn.hexi.newsroom.publish.decision.StoredArticle;
import cn.hexi.newsroom.publish.decision.StoredState;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The system of record for articles: {@code articles}, one document per article id (its layout is {@link ArticleDocuments}).
 * Uses only what both
 * MongoDB and the embedded wire-protocol store support: single-document writes, no transactions.
 *
 * <p>What to write is the publish decision's ({@link PublishDecision}); the writes compare the version read, so a
 * writer that lost a race with another changes nothing. Each batch is one read and a few bulk writes.
 */
public final class ArticleStore {

    public static final String ARTICLES = "articles";

    private final MongoCollection<Document> articles;
    private final IssueStore issues;
    private final ArticleDocuments documents;

    /**
     * @param issues    where each issue lists the articles stored of it
     * @param paperZone the paper's time zone: an issue without a date is news of the day it arrived there
     */
    public ArticleStore(MongoDatabase database, EventCodec codec, ZoneId paperZone, IssueStore issues) {
        this.articles = database.getCollection(ARTICLES);
        this.issues = issues;
        this.documents = new ArticleDocuments(new BsonCodec(codec), paperZone);
    }

    /** Indexes for the queries the API serves; creating an existing index is a no-op. */
    public void createIndexes() {
        articles.createIndex(Indexes.descending("publishedAt", "_id"));
        // Version-compared writes and notified marks filter on both. mongo-java-server keeps only unique indexes and uses
        // one only for a query on exactly its keys; {_id, version} is unique since _id is.
        articles.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        articles.createIndex(Indexes.ascending("issueId", "sequence"));
        articles.createIndex(Indexes.ascending("placeCodes"));
        articles.createIndex(Indexes.ascending("tags"));
        articles.createIndex(Indexes.ascending("section"));
        articles.createIndex(Indexes.ascending("newsDate"));
    }

    /** One stored version of an article: when, what made it and what it changed ({@code note}: a withdrawal's reason). */
    public record VersionEntry(long version, Instant at, Revision revision, String note) {
    }

    /**
     * Every version stored of an article, oldest first; empty when there is no such article. Kept in the article's own
     * document, written in the same write as the version, so the history never misses a stored version.
     */
    public List<VersionEntry> versions(String articleId) {
        Document d = articles.find(Filters.eq("_id", articleId)).projection(Projections.include("versions")).first();
        if (d == null) {
            return List.of();
        }
        return d.getList("versions", Document.class, List.of()).stream().map(documents::versionEntry).toList();
    }

    /** What the store holds of these articles, by id; an article not stored yet is absent. */
    public Map<String, StoredState> states(Collection<String> ids) {
        Map<String, StoredState> states = new HashMap<>();
        articles.find(Filters.in("_id", ids))
                .projection(Projections.include("version", "contentHash", "notifiedVersion", "publishedAt", "machineVersion", "revision",
                        "editorial"))
                .forEach(d -> states.put(d.getString("_id"), documents.state(d)));
        return states;
    }

    /** An article in full, for an editor's correction: the pipeline's output, the article as published, and its state. */
    public Optional<StoredArticle> stored(String id) {
        return Optional.ofNullable(articles.find(Filters.eq("_id", id)).first()).map(documents::stored);
    }

    /**
     * Writes the decisions that store a version, in one bulk write, each compared with what was read: an insert finds
     * no article with its id, a replace finds the version it replaces. Returns the ids whose write lost to another
     * writer (another instance during a rebalance); those are neither stored nor notified from here.
     */
    public Set<String> write(List<Decision> decisions, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Decision> written = new ArrayList<>();
        for (Decision decision : decisions) {
            if (!decision.writes()) {
                continue;
            }
            Document fields = documents.fields(decision, now);
            Document entry = documents.versionEntry(decision, now, fields.get("revision", Document.class));
            if (decision.action() == Decision.Action.INSERT) {
                Document document = new Document("_id", decision.articleId());
                document.putAll(fields);
                writes.add(new InsertOneModel<>(document.append("versions", List.of(entry))));
            } else {
                writes.add(new UpdateOneModel<>(versionOf(decision.articleId(), decision.readVersion()),
                        new Document("$set", fields).append("$push", new Document("versions", entry))));
            }
            written.add(decision);
        }
        if (writes.isEmpty()) {
            return Set.of();
        }
        Set<String> lost = new HashSet<>();
        BulkWriteResult result;
        try {
            result = articles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(written.get(error.getIndex()).articleId());
            }
            result = e.getWriteResult();
        }
        long replaces = written.stream().filter(d -> d.action() == Decision.Action.REPLACE).count();
        if (result.getMatchedCount() < replaces) {
            // Some replace found another version than it read; which one, only the store can say.
            lost.addAll(notHolding(written, lost));
        }
        recordStoredArticles(written, lost, now);
        return lost;
    }

    /** Written decisions whose version the store does not hold after the write (a replace that found another version). */
    private Set<String> notHolding(List<Decision> written, Set<String> lost) {
        Map<String, StoredState> after = states(written.stream().map(Decision::articleId).filter(id -> !lost.contains(id)).toList());
        Set<String> missing = new HashSet<>();
        for (Decision decision : written) {
            StoredState state = after.get(decision.articleId());
            if (!lost.contains(decision.articleId()) && (state == null || state.version() != decision.version())) {
                missing.add(decision.articleId());
            }
        }
        return missing;
    }

    /** Each issue lists the articles stored of it. */
    private void recordStoredArticles(List<Decision> written, Set<String> lost, Instant now) {
        Map<String, List<String>> byIssue = new LinkedHashMap<>();
        written.stream().filter(d -> d.action() == Decision.Action.INSERT && !lost.contains(d.articleId()))
                .forEach(d -> byIssue.computeIfAbsent(d.article().article().issueId(), k -> new ArrayList<>()).add(d.articleId()));
        issues.recordStoredArticles(byIssue, now);
    }

    /** Records that these versions' notifications were sent; a mark applies only while the version is the stored one. */
    public void markNotified(List<Decision> notified) {
        if (notified.isEmpty()) {
            return;
        }
        articles.bulkWrite(notified.stream().<WriteModel<Document>>map(d -> new UpdateOneModel<>(versionOf(d.articleId(), d.version()),
                Updates.set("notifiedVersion", d.version()))).toList(), new BulkWriteOptions().ordered(false));
    }

    /** An article at one version; a plain document filter, which the {@code _id, version} index serves in both stores. */
    private static Document versionOf(String articleId, long version) {
        return new Document("_id", articleId).append("version", version);
    }

    public Optional<PublishedArticle> article(String id) {
        return Optional.ofNullable(articles.find(Filters.eq("_id", id)).projection(Projections.exclude("versions", "machine", "text")).first())
                .map(documents::published);
    }

    /** One page of a search, and where the next begins (null after the last). */
    public record ArticlePage(List<PublishedArticle> items, String nextCursor) {
    }

    /**
     * Newest first ({@code publishedAt}, then id). The cursor is the last item's sort key, so a page is stable while
     * new articles arrive.
     */
    public ArticlePage search(ArticleQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.ne("withdrawn", true));
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
        List<Document> page = articles.find(Filters.and(filters)).projection(Projections.exclude("versions", "machine", "text"))
                .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .limit(query.limit() + 1).into(new ArrayList<>());
        String next = null;
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            Document last = page.get(page.size() - 1);
            next = new Cursor(last.getDate("publishedAt"), last.getString("_id")).encode();
        }
        return new ArticlePage(page.stream().map(documents::published).toList(), next);
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

}
