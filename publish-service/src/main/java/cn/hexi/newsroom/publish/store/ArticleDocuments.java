package cn.hexi.newsroom.publish.store;

import static cn.hexi.newsroom.publish.store.BsonCodec.date;
import static cn.hexi.newsroom.publish.store.BsonCodec.instant;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.Editorial;
import cn.hexi.newsroom.publish.decision.Revision;
import cn.hexi.newsroom.publish.decision.StoredArticle;
import cn.hexi.newsroom.publish.decision.StoredState;
import cn.hexi.newsroom.publish.decision.Withdrawal;
import cn.hexi.newsroom.publish.store.ArticleStore.VersionEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The layout of an article's document, both ways: the article as published and the pipeline's own output under it
 * ({@code machine}, when editors corrected it), the fields searches filter on, the state the publish decision reads,
 * and the history of versions.
 */
final class ArticleDocuments {

    private final BsonCodec bson;
    private final ZoneId paperZone;

    ArticleDocuments(BsonCodec bson, ZoneId paperZone) {
        this.bson = bson;
        this.paperZone = paperZone;
    }

    /** Every field of an article's document but its id and history; {@code machine} is null unless editors corrected it. */
    Document fields(Decision decision, Instant now) {
        EnrichedArticle enriched = decision.article();
        return new Document("issueId", enriched.article().issueId())
                .append("sequence", enriched.article().sequence())
                .append("version", decision.version())
                .append("contentHash", decision.contentHash())
                .append("publishedAt", date(now))
                .append("receivedAt", enriched.article().issue() == null ? null : date(enriched.article().issue().receivedAt()))
                .append("kind", enriched.article().kind().jsonName())
                .append("section", enriched.article().section())
                .append("headline", enriched.article().headline())
                .append("placeCodes", placeCodes(enriched.enrichment().places()))
                .append("tags", enriched.enrichment().tags().stream().map(Enrichment.Tag::name).toList())
                .append("newsDate", newsDate(enriched.article()))
                .append("text", searchableText(enriched.article()))
                .append("notifiedVersion", 0L)
                .append("machineVersion", decision.machineVersion())
                .append("withdrawn", decision.editorial().withdrawn())
                .append("revision", bson.bson(decision.revision()))
                .append("editorial", bson.bson(decision.editorial()))
                .append("article", bson.bson(enriched.article()))
                .append("enrichment", bson.bson(enriched.enrichment()))
                // Corrected: the pipeline's own output is kept, so that clearing a correction brings its value back.
                .append("machine", decision.machine() == decision.article() ? null : enriched(decision.machine()));
    }

    /** The history entry of the version a decision stores; {@code revision} is the one its fields hold, made once. */
    Document versionEntry(Decision decision, Instant now, Document revision) {
        Withdrawal withdrawal = decision.editorial().withdrawal();
        String note = decision.revision().change() == ArticleChange.WITHDRAWN && withdrawal != null ? withdrawal.reason() : null;
        return new Document("version", decision.version()).append("at", date(now)).append("revision", revision)
                .append("note", note);
    }

    VersionEntry versionEntry(Document entry) {
        return new VersionEntry(entry.getLong("version"), instant(entry.getDate("at")), bson.read(entry.get("revision", Document.class),
                Revision.class), entry.getString("note"));
    }

    /** Articles stored before editors' corrections have no pipeline version of their own, revision or editorial. */
    StoredState state(Document d) {
        long version = d.getLong("version");
        Long machineVersion = d.getLong("machineVersion");
        return new StoredState(version, d.getString("contentHash"), d.getLong("notifiedVersion"), instant(d.getDate("publishedAt")),
                machineVersion == null ? version : machineVersion, revision(d), editorial(d));
    }

    StoredArticle stored(Document d) {
        EnrichedArticle current = enriched(d);
        Document machine = d.get("machine", Document.class);
        return new StoredArticle(machine == null ? current : enriched(machine), current, state(d));
    }

    PublishedArticle published(Document d) {
        return new PublishedArticle(d.getString("_id"), d.getLong("version"), instant(d.getDate("publishedAt")), enriched(d), revision(d),
                editorial(d));
    }

    private Revision revision(Document d) {
        Revision revision = bson.read(d.get("revision", Document.class), Revision.class);
        return revision == null ? new Revision(ArticleChange.PUBLISHED, null, List.of(), List.of()) : revision;
    }

    private Editorial editorial(Document d) {
        Editorial editorial = bson.read(d.get("editorial", Document.class), Editorial.class);
        return editorial == null ? Editorial.NONE : editorial;
    }

    private Document enriched(EnrichedArticle article) {
        return new Document("article", bson.bson(article.article())).append("enrichment", bson.bson(article.enrichment()));
    }

    private EnrichedArticle enriched(Document d) {
        return new EnrichedArticle(bson.read(d.get("article", Document.class), ParsedArticle.class),
                bson.read(d.get("enrichment", Document.class), Enrichment.class));
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

    /** The day the news is of: the issue date, or else the day the issue arrived (in the paper's time zone). */
    private String newsDate(ParsedArticle article) {
        IssueMetadata issue = article.issue();
        if (issue == null) {
            return null;
        }
        if (issue.issueDate() != null) {
            return issue.issueDate().toString();
        }
        return issue.receivedAt() == null ? null : issue.receivedAt().atZone(paperZone).toLocalDate().toString();
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
}
