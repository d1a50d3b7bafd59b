package cn.hexi.newsroom.ingest.intake;

import java.time.LocalDate;

/** An uploaded issue file with the metadata its sender gave; all metadata is optional. */
public record IssueUpload(byte[] bytes, String sourceName, String publication, LocalDate issueDate, String issueNumber) {
}
