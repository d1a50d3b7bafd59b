package cn.hexi.newsroom.events.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A service's Spring test on a real Kafka broker, embedded in the test JVM: one partition per topic (so a test sees its
 * records in order), its address in {@code spring.kafka.bootstrap-servers}. Tests with the same settings share the
 * broker and the application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface OnEmbeddedBroker {
}
