package cn.hexi.newsroom.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is known about an issue apart from its text. Everything but {@code receivedAt} is optional:
 * senders may not know the publication, date or number of what they upload.
 */
public record IssueMetadata(
        String publication,
        LocalDate issueDate,
        String issueNumber,
        String sourceName,
        Instant receivedAt) {
}
