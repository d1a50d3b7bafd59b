package cn.hexi.newsroom.parse.stream;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.spring.BatchConsumer;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.parse.IssueParser;
import cn.hexi.newsroom.parse.ParsedIssue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The parse stage on the stream: a batch of raw issues in, their articles and parse reports out. The batch is
 * acknowledged only after the broker has every output; a record that cannot be parsed goes to the dead-letter topic
 * with the reason in its headers, alone, and the rest of its batch goes on.
 */
@Configuration
public class ParseBindings {

    private static final Logger log = LoggerFactory.getLogger(ParseBindings.class);

    @Bean
    public Consumer<Message<List<byte[]>>> parseIssue(IssueParser parser, BatchConsumer batches, EventCodec codec,
                                                      ParseQualityMetrics quality, Clock clock) {
        return batch -> batches.transform(batch, record -> {
            RawIssue raw = codec.read(record.payload(), RawIssue.class);
            ParsedIssue parsed = parser.parse(raw.issueId(), raw.metadata(), raw.text());
            List<Outgoing> events = new ArrayList<>();
            for (ParsedArticle article : parsed.articles()) {
                events.add(new Outgoing(EventType.ARTICLE_PARSED, article.articleId(), raw.issueId(), article));
            }
            List<String> articleIds = parsed.articles().stream().map(ParsedArticle::articleId).toList();
            events.add(new Outgoing(EventType.ISSUE_PARSED, raw.issueId(), raw.issueId(),
                    new IssueParsed(raw.issueId(), raw.metadata(), articleIds, parsed.report(), parsed.text(), clock.instant())));
            quality.record(parsed.report());
            log.debug("parsed issue {} into {} articles ({} warnings)", raw.issueId(), articleIds.size(), parsed.report().warnings().size());
            return events;
        });
    }
}
