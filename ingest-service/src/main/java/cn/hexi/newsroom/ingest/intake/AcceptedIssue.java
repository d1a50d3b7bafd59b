package cn.hexi.newsroom.ingest.intake;

/** An issue the broker has acknowledged. */
public record AcceptedIssue(String issueId, String sourceName, String encoding, int characters) {
}
