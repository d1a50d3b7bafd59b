package cn.hexi.newsroom.publish;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.publish.health.MongoPingHealthIndicator;
import cn.hexi.newsroom.publish.store.ArticleStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(PublishProperties.class)
public class PublishApplication {

    @Bean
    MongoDatabase newsroomDatabase(MongoClient client, PublishProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    ArticleStore articleStore(MongoDatabase newsroomDatabase, EventCodec codec) {
        ArticleStore store = new ArticleStore(newsroomDatabase, codec);
        store.createIndexes();
        return store;
    }

    /** Named so that it replaces Boot's MongoDB health contributor, whose {@code hello} the embedded store lacks. */
    @Bean
    MongoPingHealthIndicator mongoHealthContributor(MongoDatabase newsroomDatabase) {
        return new MongoPingHealthIndicator(newsroomDatabase);
    }

    public static void main(String[] args) {
        SpringApplication.run(PublishApplication.class, args);
    }
}
