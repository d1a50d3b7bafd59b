package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.MalformedEventException;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.StoreAvailability;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The publish stage on the stream: batches of enriched articles go to {@link PublishStage}; each parsed issue's report
 * and text are recorded with the issue. While MongoDB cannot be reached, each store step waits and retries (the
 * consumer pauses) rather than failing the record.
 */
@Configuration
public class PublishBindings {

    @Bean
    public Consumer<Message<List<byte[]>>> publishArticle(PublishStage stage) {
        return stage::publish;
    }

    @Bean
    public Consumer<Message<byte[]>> recordIssue(ArticleStore store, StoreAvailability availability, EventCodec codec, Clock clock) {
        return message -> {
            IssueParsed parsed = codec.read(message.getPayload(), IssueParsed.class);
            if (parsed.issueId() == null || parsed.metadata() == null || parsed.report() == null) {
                throw new MalformedEventException("an IssueParsed event needs issueId, metadata and report");
            }
            availability.untilAvailable("recording issue " + parsed.issueId(), () -> store.recordIssue(parsed, clock.instant()));
        };
    }
}
