package cn.hexi.newsroom.enrich;

import cn.hexi.newsroom.enrich.geo.Gazetteer;
import cn.hexi.newsroom.events.spring.StageMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class EnrichApplication {

    public static final String STAGE = "enrich";

    @Bean
    StageMetrics stageMetrics(MeterRegistry registry) {
        return new StageMetrics(registry, STAGE);
    }

    @Bean
    ArticleEnricher articleEnricher() {
        return new ArticleEnricher(Gazetteer.standard());
    }

    public static void main(String[] args) {
        SpringApplication.run(EnrichApplication.class, args);
    }
}
