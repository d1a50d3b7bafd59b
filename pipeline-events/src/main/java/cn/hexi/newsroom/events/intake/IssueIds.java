package cn.hexi.newsroom.events.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Issue ids are content hashes, so the same issue sent twice, in any encoding, is one issue. */
public final class IssueIds {

    private IssueIds() {
    }

    /** The first 64 bits of the SHA-256 of the normalised text, as 16 hex digits. */
    public static String of(String normalisedText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
