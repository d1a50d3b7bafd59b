package cn.hexi.newsroom.publish.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may change things.
 *
 * @param apiKey the key that write and admin calls must send as {@code X-API-Key}; without one configured they are
 *               all refused. It is compared in constant time and never logged or returned.
 */
@Validated
@ConfigurationProperties("newsroom.publish.access")
public record AccessProperties(String apiKey) {

    @Override
    public String toString() {
        return "AccessProperties[apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "***") + "]";
    }
}
