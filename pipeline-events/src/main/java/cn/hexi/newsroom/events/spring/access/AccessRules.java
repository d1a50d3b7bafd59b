package cn.hexi.newsroom.events.spring.access;

/**
 * Which calls need which key, for documents that describe the policy (the OpenAPI description); the policy itself is
 * {@link AccessPolicyAutoConfiguration}'s filter chain, built from the same paths.
 */
public final class AccessRules {

    /** The header a key travels in. */
    public static final String KEY_HEADER = "X-API-Key";

    static final String[] OPEN_ACTUATOR = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/actuator/metrics", "/actuator/metrics/**"};
    static final String[] ADMIN_PATHS = {"/actuator", "/actuator/**", "/api/webhooks", "/api/webhooks/**"};
    static final String INGEST_PATH = "/api/issues";

    /** What a call needs. */
    public enum Requirement {
        /** Open to anyone. */
        NONE,
        /** The ingest or the admin key, once either is configured. */
        INGEST_KEY,
        /** The admin key. */
        ADMIN_KEY
    }

    private AccessRules() {
    }

    /** What an API operation needs; {@code path} is the operation's path template ({@code /api/webhooks/{id}}). */
    public static Requirement of(String method, String path) {
        if (path.equals("/api/webhooks") || path.startsWith("/api/webhooks/")) {
            return Requirement.ADMIN_KEY;
        }
        if ("POST".equalsIgnoreCase(method) && INGEST_PATH.equals(path)) {
            return Requirement.INGEST_KEY;
        }
        boolean reads = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) || "OPTIONS".equalsIgnoreCase(method);
        return reads ? Requirement.NONE : Requirement.ADMIN_KEY;
    }
}
