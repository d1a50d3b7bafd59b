package cn.hexi.newsroom.publish.decision;

import java.time.Instant;

/** An editor took the article out of publication; {@code reason} may be null. */
public record Withdrawal(String editor, Instant at, String reason) {
}
