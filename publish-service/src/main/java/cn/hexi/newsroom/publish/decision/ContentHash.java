package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.ParsedArticle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an editor sees of an article, hashed. Left out: the version, the enrichment time and the issue's metadata, so
 * sending the same issue text again (under any name, through any channel), or re-enriching it with equal output, is no
 * change. Hashed in canonical JSON (maps in key order): two instances of a stage write the same article's maps in
 * different orders, which must not count as a change.
 */
public final class ContentHash {

    private final EventCodec codec;

    public ContentHash(EventCodec codec) {
        this.codec = codec;
    }

    public String of(EnrichedArticle enriched) {
        // The issue's metadata (file name, channel, arrival) is the issue's, recorded with it: the same text sent again
        // under another name or through another channel is the same article.
        ParsedArticle article = enriched.article().withIssue(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(codec.writeCanonical(article));
            digest.update(codec.writeCanonical(enriched.enrichment().places()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
