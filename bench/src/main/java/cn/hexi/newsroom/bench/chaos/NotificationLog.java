package cn.hexi.newsroom.bench.chaos;

import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every notification on {@code newsroom.articles.published} since the topic began, counted by article version, as a
 * downstream consumer sees them; the consumer rides out the broker's restarts as any client does.
 */
final class NotificationLog implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final Map<String, Integer> countsByVersion = new ConcurrentHashMap<>();
    private final Map<String, Long> versionByArticle = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    NotificationLog(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-notifications-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        reader = new Thread(() -> read(config), "chaos-notifications");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Properties config) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EventType.ARTICLE_PUBLISHED.topic()));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ArticlePublished article = CODEC.read(record.value(), ArticlePublished.class);
                    countsByVersion.merge(article.articleId() + "@" + article.version(), 1, Integer::sum);
                    versionByArticle.merge(article.articleId(), article.version(), Math::max);
                }
            }
        }
    }

    /** How often each {@code articleId@version} was notified. */
    Map<String, Integer> countsByVersion() {
        return Map.copyOf(countsByVersion);
    }

    /** The latest version notified of each article. */
    Map<String, Long> latestVersions() {
        return Map.copyOf(versionByArticle);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(5000);
    }
}
