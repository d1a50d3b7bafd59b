package cn.hexi.newsroom.publish.store;

import static cn.hexi.newsroom.publish.store.BsonCodec.date;
import static cn.hexi.newsroom.publish.store.BsonCodec.instant;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParseReport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** The {@code issues} collection: each issue's metadata, parse report and text, and the articles stored of it. */
public final class IssueStore {

    public static final String ISSUES = "issues";

    private final MongoCollection<Document> issues;
    private final BsonCodec bson;

    public IssueStore(MongoDatabase database, EventCodec codec) {
        this.issues = database.getCollection(ISSUES);
        this.bson = new BsonCodec(codec);
    }

    public void createIndexes() {
        issues.createIndex(Indexes.descending("receivedAt"));
    }

    /** Records each parsed issue's metadata, article ids, parse report and text with the issue, in one bulk write. */
    public void recordIssues(List<IssueParsed> parsedIssues, Instant now) {
        if (parsedIssues.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(parsedIssues.size());
        for (IssueParsed parsed : parsedIssues) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", parsed.issueId()), Updates.combine(
                    Updates.set("metadata", bson.bson(parsed.metadata())),
                    Updates.set("receivedAt", date(parsed.metadata().receivedAt())),
                    Updates.set("articleIds", parsed.articleIds()),
                    Updates.set("articleCount", parsed.articleIds().size()),
                    Updates.set("report", bson.bson(parsed.report())),
                    Updates.set("text", parsed.text()),
                    Updates.set("parsedAt", date(parsed.parsedAt())),
                    Updates.set("recordedAt", date(now))), new UpdateOptions().upsert(true)));
        }
        issues.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /** Each issue lists the articles newly stored of it: article ids by issue id. */
    void recordStoredArticles(Map<String, List<String>> byIssue, Instant now) {
        if (byIssue.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        byIssue.forEach((issueId, ids) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", issueId),
                Updates.combine(Updates.addEachToSet("storedArticleIds", ids), Updates.set("lastPublishedAt", date(now))),
                new UpdateOptions().upsert(true))));
        issues.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    public Optional<StoredIssue> issue(String id) {
        return Optional.ofNullable(issues.find(Filters.eq("_id", id)).projection(Projections.exclude("text")).first()).map(this::issueOf);
    }

    /** Newest first. */
    public List<StoredIssue> issues(int page, int size) {
        return issues.find().projection(Projections.exclude("text")).sort(Sorts.descending("receivedAt")).skip(page * size).limit(size)
                .map(this::issueOf).into(new ArrayList<>());
    }

    /** The normalised text of an issue, which its articles' spans point into; null before the issue's parse is recorded. */
    public String issueText(String issueId) {
        Document issue = issues.find(Filters.eq("_id", issueId)).projection(Projections.include("text")).first();
        return issue == null ? null : issue.getString("text");
    }

    public long issueCount() {
        return issues.countDocuments();
    }

    private StoredIssue issueOf(Document d) {
        return new StoredIssue(d.getString("_id"), bson.read(d.get("metadata", Document.class), IssueMetadata.class),
                d.getList("articleIds", String.class), d.getInteger("articleCount"), d.getList("storedArticleIds", String.class),
                bson.read(d.get("report", Document.class), ParseReport.class), instant(d.getDate("parsedAt")), instant(d.getDate("lastPublishedAt")));
    }
}
