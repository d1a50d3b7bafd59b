package cn.hexi.newsroom.parse.stream;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.EventPublisher.Outgoing;
import cn.hexi.newsroom.events.spring.StageMetrics;
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
 * The parse stage on the stream: a raw issue in, its articles and the issue's parse report out. The input is
 * acknowledged only after the broker has every output; a record that cannot be parsed goes to the dead-letter
 * topic with the reason in its headers (binding configuration), and the stream goes on.
 */
@Configuration
public class ParseBindings {

    private static final Logger log = LoggerFactory.getLogger(ParseBindings.class);

    @Bean
    public Consumer<Message<byte[]>> parseIssue(IssueParser parser, EventPublisher publisher, EventCodec codec,
                                                StageMetrics metrics, ParseQualityMetrics quality, Clock clock) {
        return message -> metrics.process(() -> {
            RawIssue raw = codec.read(message.getPayload(), RawIssue.class);
            ParsedIssue parsed = parser.parse(raw.issueId(), raw.metadata(), raw.text());
            List<Outgoing> events = new ArrayList<>();
            for (ParsedArticle article : parsed.articles()) {
                events.add(new Outgoing(EventType.ARTICLE_PARSED, article.articleId(), raw.issueId(), article));
            }
            List<String> articleIds = parsed.articles().stream().map(ParsedArticle::articleId).toList();
            events.add(new Outgoing(EventType.ISSUE_PARSED, raw.issueId(), raw.issueId(),
                    new IssueParsed(raw.issueId(), raw.metadata(), articleIds, parsed.report(), parsed.text(), clock.instant())));
            publisher.publishAll(events);
            metrics.emitted(EventType.ARTICLE_PARSED, articleIds.size());
            metrics.emitted(EventType.ISSUE_PARSED, 1);
            quality.record(parsed.report());
            log.info("parsed issue {} into {} articles ({} warnings)", raw.issueId(), articleIds.size(), parsed.report().warnings().size());
            return null;
        });
    }
}
