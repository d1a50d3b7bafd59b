package cn.hexi.newsroom.publish.decision;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.ParsedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an editor sees of an article, hashed. Left out: the version, the enrichment time and the issue's metadata, so
 * sending the same issue text again (under any name, through any channel), or re-enriching it with equal output, is no
 * change.
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
            digest.update(codec.write(article));
            digest.update(codec.writeString(enriched.enrichment().places()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
