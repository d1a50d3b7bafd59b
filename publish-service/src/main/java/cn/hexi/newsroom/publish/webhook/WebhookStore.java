package cn.hexi.newsroom.publish.webhook;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventCodec;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * Subscriptions and the durable delivery queue, in MongoDB. A delivery is one article version for one subscription
 * (its id), so each version is delivered once; its state is {@code pending}, {@code in-progress}, {@code retrying},
 * {@code delivered} or {@code failed}. Claiming is a single-document update, so several dispatchers never send the same
 * delivery at once, and a delivery left {@code in-progress} by a stopped service is claimed again after a while.
 */
public final class WebhookStore {

    public static final String SUBSCRIPTIONS = "webhook_subscriptions";
    public static final String DELIVERIES = "webhook_deliveries";
    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in-progress";
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;
    private final EventCodec codec;

    public WebhookStore(MongoDatabase database, EventCodec codec) {
        this.subscriptions = database.getCollection(SUBSCRIPTIONS);
        this.deliveries = database.getCollection(DELIVERIES);
        this.codec = codec;
        deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt"));
        deliveries.createIndex(Indexes.ascending("state", "createdAt"));
    }

    /** A claimed delivery: what to send where, signed with which secret. */
    /** @param secrets the subscription's secret, and its previous one while a rotation overlaps */
    public record Delivery(String id, String subscriptionId, String url, List<String> secrets, byte[] payload, int attempts) {
    }

    public Subscription create(String url, String secret, List<String> tags, List<String> placeCodes, List<String> sections, Instant now) {
        String id = UUID.randomUUID().toString();
        subscriptions.insertOne(new Document("_id", id).append("url", url).append("secret", secret)
                .append("tags", tags).append("placeCodes", placeCodes).append("sections", sections)
                .append("status", Subscription.ACTIVE).append("consecutiveFailures", 0).append("createdAt", Date.from(now)));
        return subscription(subscriptions.find(Filters.eq("_id", id)).first());
    }

    /** Subscriptions without their secrets, which are never shown after creation. */
    public List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>();
        subscriptions.find().sort(Sorts.ascending("createdAt")).forEach(d -> all.add(subscription(d)));
        return all;
    }

    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first()).map(WebhookStore::subscription);
    }

    public boolean delete(String id) {
        deliveries.deleteMany(Filters.and(Filters.eq("subscriptionId", id), Filters.in("state", PENDING, RETRYING)));
        return subscriptions.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    public boolean resume(String id) {
        return subscriptions.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("status", Subscription.ACTIVE), Updates.set("consecutiveFailures", 0))).getMatchedCount() > 0;
    }

    /**
     * Queues each article version for every active subscription it matches, in one bulk insert; returns how many were
     * queued. A delivery already queued (a redelivered batch) is not queued again, so no version is delivered twice.
     */
    public int enqueueAll(List<ArticlePublished> articles, Instant now) {
        List<Subscription> active = subscriptions().stream().filter(s -> s.status().equals(Subscription.ACTIVE)).toList();
        List<Document> queued = new ArrayList<>();
        for (ArticlePublished article : articles) {
            String payload = null;
            for (Subscription subscription : active) {
                if (subscription.matches(article)) {
                    payload = payload != null ? payload : new String(codec.write(article), StandardCharsets.UTF_8);
                    queued.add(new Document("_id", subscription.id() + ":" + article.articleId() + ":" + article.version())
                            .append("subscriptionId", subscription.id()).append("articleId", article.articleId())
                            .append("version", article.version()).append("payload", payload)
                            .append("state", PENDING).append("attempts", 0).append("nextAttemptAt", Date.from(now))
                            .append("createdAt", Date.from(now)));
                }
            }
        }
        if (queued.isEmpty()) {
            return 0;
        }
        try {
            deliveries.insertMany(queued, new InsertManyOptions().ordered(false));
            return queued.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return queued.size() - e.getWriteErrors().size();
        }
    }

    /**
     * Claims the next due delivery of an active subscription: pending or retrying and due, or in progress for longer
     * than {@code stale} (its sender stopped).
     */
    public Optional<Delivery> claim(Instant now, Duration stale) {
        Document claimed = deliveries.findOneAndUpdate(
                Filters.or(
                        Filters.and(Filters.in("state", PENDING, RETRYING), Filters.lte("nextAttemptAt", Date.from(now))),
                        Filters.and(Filters.eq("state", IN_PROGRESS), Filters.lte("claimedAt", Date.from(now.minus(stale))))),
                Updates.combine(Updates.set("state", IN_PROGRESS), Updates.set("claimedAt", Date.from(now))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        Document subscription = subscriptions.find(Filters.eq("_id", claimed.getString("subscriptionId"))).first();
        if (subscription == null) {
            deliveries.deleteOne(Filters.eq("_id", claimed.getString("_id")));
            return claim(now, stale);
        }
        if (!Subscription.ACTIVE.equals(subscription.getString("status"))) {
            // A paused subscriber's deliveries wait until it is resumed.
            deliveries.updateOne(Filters.eq("_id", claimed.getString("_id")),
                    Updates.combine(Updates.set("state", RETRYING), Updates.set("nextAttemptAt", Date.from(now.plus(Duration.ofMinutes(1))))));
            return Optional.empty();
        }
        return Optional.of(new Delivery(claimed.getString("_id"), claimed.getString("subscriptionId"), subscription.getString("url"),
                secrets(subscription, now), claimed.getString("payload").getBytes(StandardCharsets.UTF_8),
                claimed.getInteger("attempts", 0)));
    }

    /** The secrets that sign now: the current one, and the previous one until its overlap ends. */
    private static List<String> secrets(Document subscription, Instant now) {
        Date previousUntil = subscription.getDate("previousSecretUntil");
        return previousUntil != null && previousUntil.toInstant().isAfter(now)
                ? List.of(subscription.getString("secret"), subscription.getString("previousSecret"))
                : List.of(subscription.getString("secret"));
    }

    /**
     * Replaces a subscription's secret; the one it replaces keeps signing until {@code previousUntil}. Returns whether
     * the subscription exists.
     */
    public boolean rotateSecret(String id, String secret, Instant previousUntil) {
        Document current = subscriptions.find(Filters.eq("_id", id)).first();
        if (current == null) {
            return false;
        }
        subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("secret", secret),
                Updates.set("previousSecret", current.getString("secret")), Updates.set("previousSecretUntil", Date.from(previousUntil))));
        return true;
    }

    public void delivered(Delivery delivery, Instant now) {
        deliveries.updateOne(Filters.eq("_id", delivery.id()), Updates.combine(Updates.set("state", DELIVERED),
                Updates.set("attempts", delivery.attempts() + 1), Updates.set("deliveredAt", Date.from(now)), Updates.unset("lastError")));
        subscriptions.updateOne(Filters.eq("_id", delivery.subscriptionId()), Updates.set("consecutiveFailures", 0));
    }

    /**
     * Records a failed attempt: the delivery retries after the backoff, or fails for good after the last attempt; the
     * subscription is paused after too many failures in a row.
     */
    public void attemptFailed(Delivery delivery, String error, Instant now, WebhookProperties properties) {
        int attempts = delivery.attempts() + 1;
        boolean last = attempts >= properties.maxAttempts();
        deliveries.updateOne(Filters.eq("_id", delivery.id()), Updates.combine(
                Updates.set("state", last ? FAILED : RETRYING), Updates.set("attempts", attempts), Updates.set("lastError", error),
                Updates.set("nextAttemptAt", Date.from(now.plus(properties.backoff(attempts))))));
        Document subscription = subscriptions.findOneAndUpdate(Filters.eq("_id", delivery.subscriptionId()), Updates.inc("consecutiveFailures", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (subscription != null && subscription.getInteger("consecutiveFailures", 0) >= properties.pauseAfterFailures()) {
            subscriptions.updateOne(Filters.eq("_id", delivery.subscriptionId()), Updates.set("status", Subscription.PAUSED));
        }
    }

    /** Deliveries by state, for operations. */
    public long count(String state) {
        return deliveries.countDocuments(Filters.eq("state", state));
    }

    /** When the oldest delivery still waiting to go out (pending or retrying) was queued. */
    public Optional<Instant> oldestWaitingSince() {
        Document oldest = deliveries.find(Filters.in("state", PENDING, RETRYING)).sort(Sorts.ascending("createdAt")).limit(1).first();
        return Optional.ofNullable(oldest).map(d -> d.getDate("createdAt").toInstant());
    }

    public List<Document> deliveries(String subscriptionId) {
        return deliveries.find(Filters.eq("subscriptionId", subscriptionId)).sort(Sorts.ascending("createdAt")).into(new ArrayList<>());
    }

    private static Subscription subscription(Document d) {
        return new Subscription(d.getString("_id"), d.getString("url"), d.getList("tags", String.class), d.getList("placeCodes", String.class),
                d.getList("sections", String.class), d.getString("status"), d.getInteger("consecutiveFailures", 0),
                d.getDate("createdAt").toInstant());
    }
}
