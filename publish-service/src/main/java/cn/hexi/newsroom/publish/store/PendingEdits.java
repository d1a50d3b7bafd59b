package cn.hexi.newsroom.publish.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Editors' versions not notified yet ({@code pending_edits}, one small document each): written before the version,
 * removed once it is notified, so what a stop left behind is found without reading every article.
 */
public final class PendingEdits {

    public static final String COLLECTION = "pending_edits";

    /** A version of an article an editor made, pending since then. */
    public record Pending(String articleId, long version, Instant since) {
    }

    private final MongoCollection<Document> pending;

    public PendingEdits(MongoDatabase database) {
        this.pending = database.getCollection(COLLECTION);
    }

    public void add(String articleId, long version, Instant now) {
        try {
            pending.insertOne(new Document("_id", key(articleId, version)).append("articleId", articleId).append("version", version)
                    .append("since", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public void remove(String articleId, long version) {
        pending.deleteOne(Filters.eq("_id", key(articleId, version)));
    }

    public List<Pending> olderThan(Instant time) {
        List<Pending> found = new ArrayList<>();
        pending.find(Filters.lt("since", Date.from(time))).forEach(d -> found.add(new Pending(d.getString("articleId"), d.getLong("version"),
                d.getDate("since").toInstant())));
        return found;
    }

    private static String key(String articleId, long version) {
        return articleId + "@" + version;
    }
}
