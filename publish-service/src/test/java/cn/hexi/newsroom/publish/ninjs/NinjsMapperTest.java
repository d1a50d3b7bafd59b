package cn.hexi.newsroom.publish.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.events.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NinjsMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final NinjsMapper mapper = new NinjsMapper(PaperHome.STANDARD.timeZone());

    @Test
    void aFullArticleBecomesValidNinjsWithRolesPlacesAndConfidence() {
        JsonNode ninjs = JSON.valueToTree(mapper.toNinjs(stored(), fullArticle(), fullEnrichment()));

        assertThat(NinjsSchema.violations(ninjs.toString())).isEmpty();
        assertThat(ninjs.get("uri").asString()).isEqualTo("urn:hexi-newsroom:article:abc-001");
        assertThat(ninjs.get("version").asString()).isEqualTo("3");
        assertThat(ninjs.get("contentCreated").asString()).isEqualTo("2023-09-16T00:00:00+08:00");
        assertThat(ninjs.get("headlines").valueStream().map(h -> h.get("role").asString() + "=" + h.get("value").asString()))
                .containsExactly("kicker=深化文明创建", "main=天塔街道社区开展消夏晚会", "subheadline=居民共享文化盛宴");
        assertThat(ninjs.get("descriptions").valueStream().map(d -> d.get("role").asString()))
                .containsExactly("deck", "section", "summary");
        assertThat(ninjs.get("by").asString()).isEqualTo("记者 张伟 通讯员 万彤 李娜 佟玉峰 摄");
        JsonNode html = ninjs.get("bodies").get(0);
        assertThat(html.get("contentType").asString()).isEqualTo("text/html");
        assertThat(html.get("value").asString()).isEqualTo("<h3>一、活动现场</h3>\n<p>居民写下&lt;script&gt;alert(1)&lt;/script&gt;也只是文字。</p>\n");
        assertThat(html.get("charCount").asInt()).isEqualTo(6 + 35);

        JsonNode street = ninjs.get("places").get(0);
        assertThat(street.get("name").asString()).isEqualTo("天塔街道");
        assertThat(street.get("rel").asString()).isEqualTo("focus");
        assertThat(street.get("uri").asString()).isEqualTo("urn:hexi-newsroom:place:street:120103013");
        assertThat(street.get("geoJSON").get("coordinates").valueStream().map(JsonNode::asDouble)).containsExactly(117.2185, 39.0882);
        assertThat(ninjs.get("places").get(1).has("geoJSON")).isFalse();
        assertThat(ninjs.get("located").asString()).isEqualTo("天塔街道");

        assertThat(ninjs.get("subjects").valueStream().map(s -> s.get("rel").asString() + ":" + s.get("name").asString()
                + ":" + (s.has("confidence") ? "c" + s.get("confidence").asInt() : "r" + s.get("relevance").asInt())))
                .containsExactly("topic:文化活动:c87", "keyword:晚会:r100", "keyword:居民:r50");
        assertThat(ninjs.get("people").valueStream().map(p -> p.get("name").asString() + "/" + p.get("rel").asString()))
                .containsExactly("张伟/reporter", "万彤/correspondent", "李娜/correspondent", "佟玉峰/photographer", "王明/mentioned");
        assertThat(ninjs.get("organisations").get(0).get("name").asString()).isEqualTo("天塔街道办事处");
        assertThat(ninjs.get("standard").get("version").asString()).isEqualTo("3.1");
    }

    @Test
    void anArticleWithoutEnrichmentOrTitleLinesStillValidates() {
        ParsedArticle bare = new ParsedArticle("abc", "abc-002", 2, new IssueMetadata(null, null, null, "x.txt", Instant.parse("2024-01-01T00:00:00Z")),
                ArticleKind.UNSTRUCTURED, null, null, null, null, null, List.of(), List.of(),
                List.of(new BodyItem(BodyItem.PARAGRAPH, "一段文字。", List.of(new Span(0, 5)))), List.of(), Map.of());

        Map<String, Object> ninjs = mapper.toNinjs(new NinjsMapper.Stored("abc-002", 1, null, null, false), bare, null);

        assertThat(NinjsSchema.violations(JSON.writeValueAsString(ninjs))).isEmpty();
        assertThat(ninjs).doesNotContainKeys("headlines", "by", "subjects", "places", "located", "renditions", "versionCreated");
    }

    @Test
    void theSchemaCheckRejectsWhatNinjsForbids() {
        assertThat(NinjsSchema.violations("{\"type\":\"text\"}")).anyMatch(v -> v.contains("uri"));
        assertThat(NinjsSchema.violations("{\"uri\":\"urn:x:1\",\"headline\":\"ninjs 1.x spelling\"}")).isNotEmpty();
        assertThat(NinjsSchema.violations("{\"uri\":\"not a uri\"}")).isNotEmpty();
        assertThat(NinjsSchema.violations("{\"uri\":\"urn:x:1\",\"versionCreated\":\"yesterday\"}")).isNotEmpty();
        assertThat(NinjsSchema.violations("{\"uri\":\"urn:x:1\",\"subjects\":[{\"name\":\"a\",\"confidence\":0.87}]}")).isNotEmpty();
        assertThat(NinjsSchema.violations("{\"uri\":\"urn:x:1\",\"headlines\":[{\"role\":\"main\"}]}")).isNotEmpty();
        assertThat(NinjsSchema.violations("{\"uri\":\"urn:x:1\",\"places\":[{\"geoJSON\":{\"type\":\"Point\",\"coordinates\":[39.1,117.2]}}]}"))
                .isNotEmpty();
    }

    private static NinjsMapper.Stored stored() {
        return new NinjsMapper.Stored("abc-001", 3, Instant.parse("2023-09-16T02:00:00Z"), "http://localhost:8084/api/articles/abc-001", false);
    }

    private static ParsedArticle fullArticle() {
        String heading = "一、活动现场";
        String paragraph = "居民写下<script>alert(1)</script>也只是文字。";
        return new ParsedArticle("abc", "abc-001", 1,
                new IssueMetadata("河西报", LocalDate.of(2023, 9, 16), "1234", "seed.txt", Instant.parse("2023-09-16T01:00:00Z")),
                ArticleKind.NEWS, "社区", "深化文明创建", "天塔街道社区开展消夏晚会", "居民共享文化盛宴", "千余名居民参加",
                List.of(new Byline("reporter", "张伟"), new Byline("correspondent", "万彤"), new Byline("correspondent", "李娜")),
                List.of("佟玉峰"),
                List.of(new BodyItem(BodyItem.HEADING, heading, List.of(new Span(100, 106))),
                        new BodyItem(BodyItem.PARAGRAPH, paragraph, List.of(new Span(107, 136)))),
                List.of(), Map.of());
    }

    private static Enrichment fullEnrichment() {
        Mention mention = new Mention(1, 0, 4, "天塔街道");
        return new Enrichment(3, "hexi-enricher/1", Instant.parse("2023-09-16T01:30:00Z"),
                List.of(new Place("天塔街道", "street", "120103013", List.of("120103", "120100"),
                                new Place.Coordinates(117.2185, 39.0882, "WGS84", false), 0.95, List.of(mention), true),
                        new Place("友谊路", "road", null, List.of(), null, 0.6, List.of(mention), false)),
                List.of(new Enrichment.Tag("文化活动", 0.871, List.of("晚会"))),
                List.of(new Enrichment.Keyword("晚会", 2.4), new Enrichment.Keyword("居民", 1.2)),
                List.of(new Enrichment.Person("王明", "社区书记", List.of(mention))),
                List.of(new Enrichment.Organisation("天塔街道办事处", List.of(mention))),
                List.of(), "天塔街道社区开展消夏晚会。");
    }
}
