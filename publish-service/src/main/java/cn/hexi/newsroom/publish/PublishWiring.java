package cn.hexi.newsroom.publish;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.publish.decision.ContentHash;
import cn.hexi.newsroom.publish.decision.Notifications;
import cn.hexi.newsroom.publish.decision.PublishDecision;
import cn.hexi.newsroom.publish.health.MongoPingHealthIndicator;
import cn.hexi.newsroom.publish.live.ArticleFeed;
import cn.hexi.newsroom.publish.store.ArticleStore;
import cn.hexi.newsroom.publish.store.IssueStore;
import cn.hexi.newsroom.publish.store.PendingEdits;
import cn.hexi.newsroom.publish.store.StoreAvailability;
import cn.hexi.newsroom.publish.stream.SentNotifications;
import cn.hexi.newsroom.publish.webhook.TargetAddresses;
import cn.hexi.newsroom.publish.webhook.WebhookProperties;
import cn.hexi.newsroom.publish.webhook.WebhookStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publish service's beans that are not components of their own: the store's collections, the decision and the
 * clients. Kept off the application class, so that test slices ({@code @WebMvcTest}) leave them out.
 */
@Configuration(proxyBeanMethods = false)
public class PublishWiring {

    @Bean
    MongoDatabase newsroomDatabase(MongoClient client, PublishProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    IssueStore issueStore(MongoDatabase newsroomDatabase, EventCodec codec) {
        IssueStore store = new IssueStore(newsroomDatabase, codec);
        store.createIndexes();
        return store;
    }

    @Bean
    ArticleStore articleStore(MongoDatabase newsroomDatabase, EventCodec codec, PaperHome home, IssueStore issueStore) {
        ArticleStore store = new ArticleStore(newsroomDatabase, codec, home.timeZone(), issueStore);
        store.createIndexes();
        return store;
    }

    /** Reads the notification topic to the end from a time, with a consumer of no group, closed after each look-up. */
    @Bean
    SentNotifications sentNotifications(KafkaProperties kafka, EventCodec codec) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new SentNotifications(() -> new KafkaConsumer<>(config), codec);
    }

    @Bean
    TargetAddresses webhookTargets(WebhookProperties properties) {
        return new TargetAddresses(properties.allowPrivateTargets(), InetAddress::getAllByName);
    }

    @Bean
    PublishDecision publishDecision(EventCodec codec) {
        return new PublishDecision(new ContentHash(codec));
    }

    @Bean
    Notifications notifications(PublishProperties properties) {
        return new Notifications(properties.articleUrl());
    }

    /** A store outage is noticed within this time, not the driver's default 30 s. */
    @Bean
    MongoClientSettingsBuilderCustomizer storeOutageDetection(PublishProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    StoreAvailability storeAvailability(PublishProperties properties) {
        return new StoreAvailability(properties.outageInitialWait(), properties.outageMaxWait());
    }

    @Bean
    WebhookStore webhookStore(MongoDatabase newsroomDatabase, EventCodec codec) {
        return new WebhookStore(newsroomDatabase, codec);
    }

    @Bean
    PendingEdits pendingEdits(MongoDatabase newsroomDatabase) {
        return new PendingEdits(newsroomDatabase);
    }

    @Bean
    ArticleFeed articleFeed(MongoDatabase newsroomDatabase, EventCodec codec) {
        return new ArticleFeed(newsroomDatabase, codec);
    }

    /** Named so that it replaces Boot's MongoDB health contributor, whose {@code hello} the embedded store lacks. */
    @Bean
    MongoPingHealthIndicator mongoHealthContributor(MongoDatabase newsroomDatabase) {
        return new MongoPingHealthIndicator(newsroomDatabase);
    }
}
