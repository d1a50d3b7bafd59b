package cn.hexi.newsroom.publish.decision;

/** A correction that cannot be applied as sent: an unknown field, a value of the wrong shape, an unknown place. */
public final class InvalidCorrectionException extends IllegalArgumentException {

    private final String field;

    public InvalidCorrectionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The patch member at fault, or null for the patch as a whole. */
    public String field() {
        return field;
    }
}
