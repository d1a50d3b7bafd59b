package cn.hexi.newsroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.intake.IssueIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parser against the hand-made segmentations of three seed issues, with the bars issue #3 sets. */
class GoldSegmentationTest {

    private static final List<String> GOLD = List.of("000_03507c266253f217", "001_1b3742163d2b373a", "002_a18265de50452ea7");

    @Test
    void parserMatchesTheGoldSegmentationsOfTheSeeds() throws IOException {
        IssueParser parser = new IssueParser();
        GoldScore score = new GoldScore();
        JsonMapper json = JsonMapper.builder().build();
        for (String issue : GOLD) {
            String text = Files.readString(Path.of("../seeds", issue + ".txt"));
            try (InputStream in = getClass().getResourceAsStream("/gold/" + issue + ".gold.json")) {
                JsonNode gold = json.readTree(in);
                score.add(gold, parser.parse(IssueIds.of(text), null, text).articles());
            }
        }
        System.out.println(score);
        score.misses.forEach(miss -> System.out.println("  " + miss));

        assertThat(score.parseScore()).as(score.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(score.articlesF1()).as(score.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(score.accuracy("bylines")).as(score.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(score.accuracy("body")).as(score.toString()).isGreaterThanOrEqualTo(0.95);
    }
}
