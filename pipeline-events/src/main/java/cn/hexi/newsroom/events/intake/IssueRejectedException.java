package cn.hexi.newsroom.events.intake;

/** An upload that cannot become an issue; nothing of it was published. */
public class IssueRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public IssueRejectedException(RejectionReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
