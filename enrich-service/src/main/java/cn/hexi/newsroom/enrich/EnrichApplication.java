package cn.hexi.newsroom.enrich;

import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.events.PaperHome;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class EnrichApplication {

    @Bean
    ArticleEnricher articleEnricher(PaperHome home) {
        return new ArticleEnricher(Gazetteer.standard(), home);
    }

    public static void main(String[] args) {
        SpringApplication.run(EnrichApplication.class, args);
    }
}
