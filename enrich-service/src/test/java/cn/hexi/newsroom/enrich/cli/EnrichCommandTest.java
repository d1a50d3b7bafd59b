package cn.hexi.newsroom.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventSchemas;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnrichCommandTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void eachParsedIssueLineIsPrintedWithItsArticlesEnrichedInTheEventsShapesAndABadLineIsReportedWithoutStoppingTheRest() {
        String text = "日前,天塔街道在天塔社区开展燃气安全宣传活动,河西区应急管理局工作人员向居民讲解安全知识。";
        ParsedArticle article = new ParsedArticle("0123456789abcdef", "0123456789abcdef-001", 1,
                new IssueMetadata(null, LocalDate.of(2023, 9, 20), null, "test.txt", Instant.now()), ArticleKind.NEWS, null, null, "天塔街道宣传燃气安全",
                null, null, List.of(new Byline("correspondent", "万彤")), List.of(),
                List.of(new BodyItem(BodyItem.PARAGRAPH, text, List.of(new Span(0, text.length())))), List.of(), Map.of());
        String parsedIssue = "{\"issueId\":\"0123456789abcdef\",\"articles\":[" + codec.writeString(article) + "],\"report\":{}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = EnrichCommand.run(new ByteArrayInputStream(("not json\n\n" + parsedIssue + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("line 1: ");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode issue = codec.mapper().readTree(lines.get(0));
        assertThat(issue.get("issueId").asString()).isEqualTo("0123456789abcdef");
        EnrichedArticle enriched = codec.read(codec.mapper().writeValueAsBytes(issue.at("/articles/0")), EnrichedArticle.class);
        assertThat(enriched.article()).isEqualTo(article);
        assertThat(enriched.enrichment().places()).extracting(p -> p.name()).contains("天塔街道", "河西区");
        assertThat(enriched.enrichment().tags()).isNotEmpty();
        // The same shape as the enrich stage's events: the record validates against the topic's schema.
        assertThat(new EventSchemas().payloadViolations(EventType.ARTICLE_ENRICHED, codec.mapper().writeValueAsBytes(issue.at("/articles/0")))).isEmpty();
    }
}
