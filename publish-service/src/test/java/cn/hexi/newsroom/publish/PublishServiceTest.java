package cn.hexi.newsroom.publish;

import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The publish service whole, on a random port, on the embedded broker and the one embedded store of the test JVM
 * ({@link PublishTestSupport}): the set-up its Spring tests share. Each test class gets a context and a broker of its
 * own, closed after it: the stream tests stop and start bindings and read whole topics, which another class's records
 * on a shared broker would disturb.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnEmbeddedBroker
@ContextConfiguration(initializers = PublishTestSupport.Settings.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PublishServiceTest {
}
