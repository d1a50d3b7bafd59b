package cn.hexi.newsroom.events.intake;

/** Why an upload is not an issue we can accept; each maps to one HTTP status and problem type. */
public enum RejectionReason {
    EMPTY(400, "The issue is empty"),
    BINARY(415, "The upload is not text"),
    UNDECODABLE(415, "The text's encoding is not UTF-8, UTF-16 with a byte-order mark, or GB18030"),
    TOO_LARGE(413, "The issue is larger than the size limit"),
    BAD_METADATA(400, "The issue metadata is invalid");

    private final int httpStatus;
    private final String title;

    RejectionReason(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /** The stable, lower-case name used in problem types, metrics tags and failure notes. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
