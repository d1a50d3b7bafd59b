package cn.hexi.newsroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.intake.IssueIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parser on sixty issues it has never seen, laid out anew from the seeds' gold articles by {@link IssueGenerator},
 * with the bar issue #16 sets: every measure at least 0.98. The corpus is written to {@code target/generated-issues}
 * (texts, gold and parsed documents), so {@code parse_eval.py target/generated-issues/gold target/generated-issues/parsed}
 * scores the same issues.
 */
class GeneratedCorpusTest {

    private static final List<String> GOLD = List.of("000_03507c266253f217", "001_1b3742163d2b373a", "002_a18265de50452ea7");
    private static final int ISSUES = 60;
    private static final double BAR = 0.98;

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void parserMeetsTheBarOnSixtyIssuesLaidOutAnewFromTheGoldArticles() throws IOException {
        List<JsonNode> gold = new ArrayList<>();
        for (String issue : GOLD) {
            try (InputStream in = getClass().getResourceAsStream("/gold/" + issue + ".gold.json")) {
                gold.add(json.readTree(in));
            }
        }
        IssueGenerator generator = new IssueGenerator(gold, 16);
        IssueParser parser = new IssueParser();
        GoldScore score = new GoldScore();
        Path out = Path.of("target", "generated-issues");
        for (int i = 0; i < ISSUES; i++) {
            IssueGenerator.GeneratedIssue issue = generator.next();
            List<ParsedArticle> articles = parser.parse(IssueIds.of(issue.text()), null, issue.text()).articles();
            score.misses.add("== " + issue.name());
            score.add(issue.gold(), articles);
            write(out, issue, articles);
        }
        System.out.println(score);
        score.misses.stream().filter(miss -> !miss.startsWith("== ") ).forEach(miss -> System.out.println("  " + miss));

        assertThat(score.parseScore()).as(score.toString()).isGreaterThanOrEqualTo(BAR);
        for (String measure : List.of("title", "bylines", "photographers", "deck", "kind", "body")) {
            assertThat(score.accuracy(measure)).as(measure + ": " + score).isGreaterThanOrEqualTo(BAR);
        }
        assertThat(score.articlesF1()).as(score.toString()).isGreaterThanOrEqualTo(BAR);
        assertThat(score.paragraphs()).as(score.toString()).isGreaterThanOrEqualTo(BAR);
        assertThat(score.crossheads()).as(score.toString()).isGreaterThanOrEqualTo(BAR);
    }

    private void write(Path out, IssueGenerator.GeneratedIssue issue, List<ParsedArticle> articles) throws IOException {
        for (String dir : List.of("issues", "gold", "parsed")) {
            Files.createDirectories(out.resolve(dir));
        }
        Files.writeString(out.resolve("issues").resolve(issue.name() + ".txt"), issue.text());
        Files.writeString(out.resolve("gold").resolve(issue.name() + ".gold.json"), json.writeValueAsString(issue.gold()));
        Files.writeString(out.resolve("parsed").resolve(issue.name() + ".json"), codec.writeString(Map.of("articles", articles)));
    }
}
