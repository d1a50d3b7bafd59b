package cn.hexi.newsroom.events.spring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.MalformedEventException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DeadLetterReasonsTest {

    @Test
    void thePipelinesOwnExceptionNamesTheReasonThroughTheBindersWrappers() {
        Throwable wrapped = new IllegalStateException("listener failed",
                new RuntimeException("handler failed", new MalformedEventException("not a valid ParsedArticle", new IllegalArgumentException("bad int"))));

        assertThat(DeadLetterReasons.reason(wrapped)).isEqualTo("MalformedEventException");
    }

    @Test
    void withoutOneTheRootCauseNamesIt() {
        assertThat(DeadLetterReasons.reason(new RuntimeException("send failed", new ConnectException("refused")))).isEqualTo("ConnectException");
        assertThat(DeadLetterReasons.reason(new IllegalStateException("alone"))).isEqualTo("IllegalStateException");
    }
}
