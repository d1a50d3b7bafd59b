package cn.hexi.newsroom.events;

/**
 * The one place where every event's topic, CloudEvents type, payload record and JSON Schema are named.
 * Keys: raw and parsed issues are keyed by issue id, article events by article id.
 */
public enum EventType {
    RAW_ISSUE("newsroom.issues.raw", "cn.hexi.newsroom.issue.raw.v1", RawIssue.class, "raw-issue.v1.json", "ingest"),
    ISSUE_PARSED("newsroom.issues.parsed", "cn.hexi.newsroom.issue.parsed.v1", IssueParsed.class, "issue-parsed.v1.json", "parse"),
    ARTICLE_PARSED("newsroom.articles.parsed", "cn.hexi.newsroom.article.parsed.v1", ParsedArticle.class, "article-parsed.v1.json", "parse"),
    ARTICLE_ENRICHED("newsroom.articles.enriched", "cn.hexi.newsroom.article.enriched.v1", EnrichedArticle.class, "article-enriched.v1.json", "enrich"),
    ARTICLE_PUBLISHED("newsroom.articles.published", "cn.hexi.newsroom.article.published.v1", ArticlePublished.class, "article-published.v1.json", "publish");

    /** Prefix of every event's {@code ce_dataschema}. */
    public static final String DATA_SCHEMA_PREFIX = "urn:cn.hexi.newsroom:schema:";

    private final String topic;
    private final String cloudEventType;
    private final Class<?> payloadType;
    private final String schemaFile;
    private final String producingStage;

    EventType(String topic, String cloudEventType, Class<?> payloadType, String schemaFile, String producingStage) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.payloadType = payloadType;
        this.schemaFile = schemaFile;
        this.producingStage = producingStage;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** The pipeline stage that publishes these events: {@code ingest}, {@code parse}, {@code enrich} or {@code publish}. */
    public String producingStage() {
        return producingStage;
    }

    /** Classpath resource of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + schemaFile;
    }

    /** The schema's file name, as the publish service serves it at {@code /schemas/{name}}. */
    public String schemaFile() {
        return schemaFile;
    }

    /**
     * The CloudEvents {@code dataschema} of these events: a URN naming the payload's schema, the same wherever the
     * pipeline runs; its last part is the file at {@code /schemas/} of the publish service.
     */
    public String dataSchema() {
        return DATA_SCHEMA_PREFIX + schemaFile;
    }

    /** The dead-letter topic for records that the given stage could not process from this topic. */
    public String deadLetterTopic(String stage) {
        return topic + ".dlq." + stage;
    }

    public static EventType forCloudEventType(String cloudEventType) {
        for (EventType type : values()) {
            if (type.cloudEventType.equals(cloudEventType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown CloudEvents type " + cloudEventType);
    }
}
