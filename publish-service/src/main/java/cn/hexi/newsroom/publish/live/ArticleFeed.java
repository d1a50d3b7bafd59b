package cn.hexi.newsroom.publish.live;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventCodec;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * The ordered log of published article versions that live pages follow: each entry has a sequence number (the SSE
 * event id), so a page that reconnects asks for everything after the last id it saw. Kept in MongoDB, so every
 * instance of the service sees the same log and it survives restarts. A version is appended once (unique key).
 */
public final class ArticleFeed {

    public static final String FEED = "feed";
    private static final String COUNTERS = "counters";

    /** One entry: the sequence number and the notification it carries. */
    public record Entry(long sequence, ArticlePublished article) {
    }

    private final MongoCollection<Document> feed;
    private final MongoCollection<Document> counters;
    private final EventCodec codec;

    public ArticleFeed(MongoDatabase database, EventCodec codec) {
        this.feed = database.getCollection(FEED);
        this.counters = database.getCollection(COUNTERS);
        this.codec = codec;
        feed.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    }

    /**
     * Appends the versions in this order under consecutive sequence numbers, in one counter update and one bulk insert.
     * A version already in the feed (a redelivered batch) keeps its first entry: pages must not see it twice.
     */
    public void appendAll(List<ArticlePublished> articles) {
        if (articles.isEmpty()) {
            return;
        }
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", FEED), Updates.inc("sequence", (long) articles.size()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long first = counter.get("sequence", Number.class).longValue() - articles.size() + 1;
        List<Document> entries = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            ArticlePublished article = articles.get(i);
            entries.add(new Document("_id", first + i).append("key", article.articleId() + ":" + article.version())
                    .append("article", Document.parse(codec.writeString(article))));
        }
        try {
            feed.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /**
     * Entries after the given sequence number, oldest first, at most {@code limit}. Sequence numbers are handed out
     * consecutively, so this asks for the next {@code limit} ids by value: a lookup by {@code _id}, which the embedded
     * store (using indexes only for equality and {@code $in}) would otherwise answer by scanning the whole feed on every
     * poll. Ids left unused (a redelivered version not appended twice) are stepped over.
     */
    public List<Entry> after(long sequence, int limit) {
        long newest = latest();
        List<Entry> entries = new ArrayList<>();
        for (long from = sequence; entries.isEmpty() && from < newest; from += limit) {
            List<Long> ids = LongStream.rangeClosed(from + 1, Math.min(from + limit, newest)).boxed().toList();
            for (Document d : feed.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id"))) {
                ArticlePublished article = codec.read(d.get("article", Document.class).toJson().getBytes(StandardCharsets.UTF_8),
                        ArticlePublished.class);
                entries.add(new Entry(d.get("_id", Number.class).longValue(), article));
            }
        }
        return entries;
    }

    /** The newest sequence number handed out, 0 when the feed is empty. */
    public long latest() {
        Document counter = counters.find(Filters.eq("_id", FEED)).first();
        return counter == null ? 0 : counter.get("sequence", Number.class).longValue();
    }
}
