package cn.hexi.newsroom.publish;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param database   MongoDB database holding {@code articles} and {@code issues}
 * @param articleUrl base of the article links in notifications; the article id is appended
 */
@Validated
@ConfigurationProperties("newsroom.publish")
public record PublishProperties(
        @DefaultValue("newsroom") @NotBlank String database,
        @DefaultValue("/api/articles/") @NotBlank String articleUrl) {
}
