package cn.hexi.newsroom.events.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The stages' consumers let a fetch gather records for a moment: the broker answers once it has
 * {@value #FETCH_MIN_BYTES} bytes for the consumer or after {@value #FETCH_MAX_WAIT_MS} ms. Kafka's default answers
 * with the first record, so below full speed a stage took batches of one or two records, each batch a fetch, a send,
 * an acknowledgement wait, an offset commit and, in publish, store round trips. At a quarter of the stack's maximum
 * this cut the stack's CPU per article from 22.8 to 19.6 ms (BENCHMARKS.md); at half and at 90% it changed nothing. At
 * full speed the backlog fills a fetch at once, so nothing waits. Added last, so a binding's own
 * {@code configuration} or the binder's overrides them.
 */
public class ConsumerDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String BINDER_CONSUMER_PROPERTIES = "spring.cloud.stream.kafka.binder.consumer-properties";
    /** About thirty compressed articles. */
    static final int FETCH_MIN_BYTES = 65536;
    /** Each of the three stages may add this much to an article's way through the pipeline. */
    static final int FETCH_MAX_WAIT_MS = 50;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = Map.of(
                BINDER_CONSUMER_PROPERTIES + "[fetch.min.bytes]", String.valueOf(FETCH_MIN_BYTES),
                BINDER_CONSUMER_PROPERTIES + "[fetch.max.wait.ms]", String.valueOf(FETCH_MAX_WAIT_MS));
        environment.getPropertySources().addLast(new MapPropertySource("newsroomConsumerDefaults", defaults));
    }
}
