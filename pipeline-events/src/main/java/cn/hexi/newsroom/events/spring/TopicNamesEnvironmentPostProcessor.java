package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Exposes the topic names of {@link EventType} as {@code newsroom.topics.<event>} (for example
 * {@code newsroom.topics.raw-issue}), so service configuration refers to topics by placeholder and the names
 * stay defined in one place. Added last: any property source can still override a name.
 */
public class TopicNamesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PREFIX = "newsroom.topics.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            topics.put(PREFIX + propertyName(type), type.topic());
        }
        environment.getPropertySources().addLast(new MapPropertySource("newsroomTopics", topics));
    }

    static String propertyName(EventType type) {
        return type.name().toLowerCase().replace('_', '-');
    }
}
