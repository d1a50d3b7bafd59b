package cn.hexi.newsroom.events;

/** A record whose payload cannot be read as the event it claims to be; retrying cannot help. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
