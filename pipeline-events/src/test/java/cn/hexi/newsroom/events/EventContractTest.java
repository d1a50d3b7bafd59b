package cn.hexi.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final String ISSUE = "03507c266253f217";
    private static final IssueMetadata METADATA =
            new IssueMetadata("河西报", LocalDate.of(2023, 9, 20), "第 1234 期", "000.txt", Instant.parse("2023-09-20T01:02:03Z"));
    private static final ParsedArticle ARTICLE = new ParsedArticle(ISSUE, ParsedArticle.articleId(ISSUE, 1), 1, METADATA,
            ArticleKind.NEWS, null, null, "河西区2023年全民国防教育日宣传活动举行", "踔厉奋发强国防", null,
            List.of(new Byline("correspondent", "万彤")), List.of(),
            List.of(new BodyItem(BodyItem.PARAGRAPH, "9月16日,活动举行。", List.of(new Span(40, 50)))),
            List.of("truncated"), Map.of("headline", List.of(new Span(0, 20))));

    private final EventCodec codec = new EventCodec();
    private final EventSchemas schemas = new EventSchemas();

    @Test
    void everyEventTypeRoundTripsAndConformsToItsSchema() {
        Place street = new Place("东海街道", "street", "120103003", List.of("120103", "120100"),
                new Place.Coordinates(117.23, 39.08, "WGS84", false), 0.95, List.of(new Mention(0, 6, 10, "东海街道")), true);
        Map<EventType, Object> samples = Map.of(
                EventType.RAW_ISSUE, new RawIssue(ISSUE, METADATA, "标题\n\n正文。"),
                EventType.ISSUE_PARSED, new IssueParsed(ISSUE, METADATA, List.of(ARTICLE.articleId()),
                        new ParseReport(1, Map.of("news", 1), 0, List.of(), Map.of("truncated", 1),
                                List.of(new ParseReport.ParseWarning("truncated", "ends mid-sentence", ARTICLE.articleId(), new Span(40, 50)))),
                        "标题\n\n正文。", Instant.now()),
                EventType.ARTICLE_PARSED, ARTICLE,
                EventType.ARTICLE_ENRICHED, new EnrichedArticle(ARTICLE, new Enrichment(1, "test", Instant.now(), List.of(street),
                        List.of(new Enrichment.Tag("国防与征兵", 0.9, List.of("国防"))), List.of(new Enrichment.Keyword("国防教育", 2.5)),
                        List.of(new Enrichment.Person("陈敏尔", "市委书记", List.of(new Mention(0, 4, 7, "陈敏尔")))),
                        List.of(new Enrichment.Organisation("河西区国防动员办公室", List.of(new Mention(0, 0, 10, "河西区国防动员办公室")))),
                        List.of(new Enrichment.DateMention("9月16日", "2023-09-16", "day", new Mention(0, 0, 5, "9月16日"))),
                        "9月16日,活动举行。")),
                EventType.ARTICLE_PUBLISHED, new ArticlePublished(ARTICLE.articleId(), ISSUE, 1, 1, ArticleKind.NEWS, null, ARTICLE.headline(),
                        "9月16日,活动举行。", List.of("国防与征兵"),
                        List.of(new ArticlePublished.PlaceRef("东海街道", "street", "120103003")), "/api/articles/" + ARTICLE.articleId(),
                        METADATA.receivedAt(), Instant.now(), ArticleChange.CORRECTED, List.of("headline")));

        assertThat(samples).hasSize(EventType.values().length);
        samples.forEach((type, payload) -> {
            byte[] json = codec.write(payload);
            assertThat(schemas.payloadViolations(type, json)).as(type.name()).isEmpty();
            assertThat(codec.read(json, type.payloadType())).as(type.name()).isEqualTo(payload);
        });
    }

    @Test
    void schemaRejectsMissingFieldsWrongTypesAndUnknownFields() {
        String valid = codec.writeString(ARTICLE);
        assertThat(schemas.payloadViolations(EventType.ARTICLE_PARSED, bytes(valid.replace("\"sequence\":1,", "")))).isNotEmpty();
        assertThat(schemas.payloadViolations(EventType.ARTICLE_PARSED, bytes(valid.replace("\"sequence\":1", "\"sequence\":\"one\"")))).isNotEmpty();
        assertThat(schemas.payloadViolations(EventType.ARTICLE_PARSED, bytes(valid.replace("{\"issueId\"", "{\"surprise\":1,\"issueId\"")))).isNotEmpty();
        assertThat(schemas.payloadViolations(EventType.ARTICLE_PARSED, bytes(valid.replace("\"kind\":\"news\"", "\"kind\":\"advert\"")))).isNotEmpty();
    }

    @Test
    void malformedJsonIsReportedAsMalformedEvent() {
        assertThatThrownBy(() -> codec.read(bytes("{\"issueId\":"), RawIssue.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("RawIssue");
        assertThatThrownBy(() -> codec.read(bytes("{\"issueId\":\"x\",\"sequence\":null}"), ParsedArticle.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void newEventHeadersFollowCloudEventsBinaryMode() {
        Map<String, String> headers = EventHeaders.forNewEvent(EventType.ARTICLE_PARSED, "/newsroom/parse-service", ISSUE,
                ARTICLE.articleId(), Instant.parse("2023-09-20T01:02:03Z"));
        assertThat(EventSchemas.headerViolations(EventType.ARTICLE_PARSED, headers)).isEmpty();
        assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_time", "2023-09-20T01:02:03Z")
                .containsEntry("ce_issueid", ISSUE).containsEntry("ce_subject", ARTICLE.articleId())
                .containsEntry("ce_dataschema", "urn:cn.hexi.newsroom:schema:article-parsed.v1.json");
        assertThat(EventSchemas.headerViolations(EventType.RAW_ISSUE, headers)).containsExactly(
                "ce_type is cn.hexi.newsroom.article.parsed.v1, expected cn.hexi.newsroom.issue.raw.v1",
                "ce_dataschema is urn:cn.hexi.newsroom:schema:article-parsed.v1.json, expected urn:cn.hexi.newsroom:schema:raw-issue.v1.json");
    }

    @Test
    void everyEventsDataSchemaNamesAShippedSchema() {
        for (EventType type : EventType.values()) {
            String name = type.dataSchema().substring(EventType.DATA_SCHEMA_PREFIX.length());
            assertThat(getClass().getClassLoader().getResource("schemas/" + name)).as(type.name()).isNotNull();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
