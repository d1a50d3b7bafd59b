package cn.hexi.newsroom.events.spring.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of the access policy, sent as {@code X-API-Key}; compared in constant time, never logged or returned.
 *
 * @param apiKey    the admin key ({@code NEWSROOM_API_KEY}): every call that changes something, the webhook API and the
 *                  actuator beyond health, info, prometheus and metrics; it also ingests. Without it those are refused.
 * @param ingestKey a key that may only send issues ({@code NEWSROOM_INGEST_KEY}); when neither key is configured,
 *                  sending issues is open
 */
@ConfigurationProperties("newsroom.access")
public record AccessProperties(String apiKey, String ingestKey) {

    boolean hasAdminKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Whether sending an issue needs a key: it does as soon as any key is configured. */
    boolean ingestGuarded() {
        return hasAdminKey() || (ingestKey != null && !ingestKey.isBlank());
    }

    @Override
    public String toString() {
        return "AccessProperties[apiKey=" + (hasAdminKey() ? "***" : "unset") + ", ingestKey="
                + (ingestKey == null || ingestKey.isBlank() ? "unset" : "***") + "]";
    }
}
