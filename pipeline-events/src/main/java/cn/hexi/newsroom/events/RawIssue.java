package cn.hexi.newsroom.events;

/** A whole newspaper issue as accepted by ingest: decoded, line ends normalised, identified by its content. */
public record RawIssue(String issueId, IssueMetadata metadata, String text) {
}
