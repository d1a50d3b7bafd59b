package cn.hexi.newsroom.stack.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.stack.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What {@code ./pipeline reprocess} selects from the store the publish service wrote. */
class ReprocessSelectionTest {

    @Test
    void anArchiveLargerThanOneReplyIsReadWholeOldestFirst() throws Exception {
        // 20 issues of 3 MB: 63 MB, more than the driver takes in one reply (48 MB).
        String text = "河西区".repeat(350_000);
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        try (EmbeddedMongo store = EmbeddedMongo.start(null, 0, "newsroom");
             MongoClient client = MongoClients.create(store.uri())) {
            client.getDatabase("newsroom").getCollection("issues").insertMany(IntStream.range(0, 20).mapToObj(i -> {
                Instant received = first.plusSeconds(60L * (19 - i));
                return new Document("_id", String.format("%016x", i))
                        .append("metadata", new Document("sourceName", "issue-" + i + ".txt").append("receivedAt", received.toString()))
                        .append("receivedAt", Date.from(received))
                        .append("text", text);
            }).toList());

            try (Reprocess reprocess = new Reprocess(store.uri(), "newsroom", "127.0.0.1:1")) {
                List<RawIssue> selected = reprocess.select(new Reprocess.Selection(List.of(), null, true));

                assertThat(selected).hasSize(20).allSatisfy(issue -> assertThat(issue.text()).hasSize(text.length()));
                assertThat(selected.get(0).metadata().sourceName()).isEqualTo("issue-19.txt");
                assertThat(selected.get(19).metadata().sourceName()).isEqualTo("issue-0.txt");
            }
        }
    }
}
