package cn.hexi.newsroom.publish.decision;

import java.time.Instant;

/** An editor's value for one field, kept over the pipeline's until the editor clears it. */
public record Corrected<T>(T value, String editor, Instant at) {
}
