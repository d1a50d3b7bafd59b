package cn.hexi.newsroom.publish.stream;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.MalformedEventException;
import cn.hexi.newsroom.events.spring.BatchConsumer;
import cn.hexi.newsroom.events.spring.BatchConsumer.Handled;
import cn.hexi.newsroom.events.spring.BatchConsumer.Outcome;
import cn.hexi.newsroom.events.spring.ConsumedRecord;
import cn.hexi.newsroom.publish.store.IssueStore;
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
    public Consumer<Message<List<byte[]>>> recordIssue(IssueStore store, StoreAvailability availability, BatchConsumer batches,
                                                       EventCodec codec, Clock clock) {
        return batch -> {
            Outcome<IssueParsed> outcome = batches.handleEach(ConsumedRecord.all(batch), record -> {
                IssueParsed parsed = codec.read(record.payload(), IssueParsed.class);
                if (parsed.issueId() == null || parsed.metadata() == null || parsed.report() == null) {
                    throw new MalformedEventException("an IssueParsed event needs issueId, metadata and report");
                }
                return parsed;
            });
            List<IssueParsed> parsed = outcome.handled().stream().map(Handled::value).toList();
            availability.untilAvailable("recording " + parsed.size() + " issues", () -> store.recordIssues(parsed, clock.instant()));
            outcome.throwIfFailed();
        };
    }
}
