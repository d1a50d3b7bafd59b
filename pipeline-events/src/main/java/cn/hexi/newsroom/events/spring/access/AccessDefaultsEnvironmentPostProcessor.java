package cn.hexi.newsroom.events.spring.access;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The access keys from the variables operators set ({@code NEWSROOM_API_KEY}, {@code NEWSROOM_INGEST_KEY}), added last. */
public class AccessDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("newsroomAccessDefaults", Map.of(
                "newsroom.access.api-key", "${NEWSROOM_API_KEY:}",
                "newsroom.access.ingest-key", "${NEWSROOM_INGEST_KEY:}")));
    }
}
