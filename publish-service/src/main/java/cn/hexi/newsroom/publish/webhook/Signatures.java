package cn.hexi.newsroom.publish.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivery signatures: {@code X-Newsroom-Signature: sha256=<hex>} is the HMAC-SHA256, keyed with the subscription's
 * secret, of {@code <X-Newsroom-Timestamp>.<body>}. Receivers recompute it and reject old timestamps (replays).
 */
public final class Signatures {

    public static final String SIGNATURE_HEADER = "X-Newsroom-Signature";
    public static final String TIMESTAMP_HEADER = "X-Newsroom-Timestamp";
    public static final String DELIVERY_HEADER = "X-Newsroom-Delivery";

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Constant-time check of a received signature. */
    public static boolean verify(String secret, long timestamp, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
