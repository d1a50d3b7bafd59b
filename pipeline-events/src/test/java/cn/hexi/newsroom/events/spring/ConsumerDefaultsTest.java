package cn.hexi.newsroom.events.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The fetch settings every stage's consumers get from the binder, as the binder binds its consumer properties. */
class ConsumerDefaultsTest {

    @Test
    void everyBindersConsumersLetAFetchGatherRecordsForAMoment() {
        Map<String, String> consumerProperties = consumerProperties(Map.of());

        assertThat(consumerProperties).containsEntry("fetch.min.bytes", "65536").containsEntry("fetch.max.wait.ms", "50");
    }

    @Test
    void configurationOverridesTheDefaults() {
        Map<String, String> consumerProperties = consumerProperties(Map.of(
                ConsumerDefaultsEnvironmentPostProcessor.BINDER_CONSUMER_PROPERTIES + "[fetch.max.wait.ms]", "5"));

        assertThat(consumerProperties).containsEntry("fetch.max.wait.ms", "5").containsEntry("fetch.min.bytes", "65536");
    }

    private static Map<String, String> consumerProperties(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(given)));
        new ConsumerDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind(ConsumerDefaultsEnvironmentPostProcessor.BINDER_CONSUMER_PROPERTIES,
                Bindable.mapOf(String.class, String.class)).get();
    }
}
