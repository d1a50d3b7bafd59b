package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store speaks MongoDB 5.0's wire version, so the tools consumers use (pymongo 4, mongosh) connect. */
class EmbeddedMongoClientsTest {

    @TempDir
    Path data;

    @Test
    void theStoreReportsMongoDbFiveInItsHandshake() throws Exception {
        for (Path dir : new Path[] {data, null}) {
            try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0, "newsroom");
                 MongoClient client = MongoClients.create(store.uri())) {
                Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));

                assertThat(hello.getInteger("maxWireVersion")).as(dir == null ? "memory" : "file").isGreaterThanOrEqualTo(13);
                assertThat(client.getClusterDescription().getServerDescriptions()).singleElement()
                        .satisfies(server -> assertThat(server.getMaxWireVersion()).isGreaterThanOrEqualTo(13));
            }
        }
    }

    @Test
    void pymongoFourReadsTheArticlesTheJavaDriverWrote() throws Exception {
        Assumptions.assumeTrue(hasPymongo4(),
                "pymongo test skipped: no pymongo 4 for python3 (.ci/run installs it when it can)");
        try (EmbeddedMongo store = EmbeddedMongo.start(data, 0, "newsroom");
             MongoClient client = MongoClients.create(store.uri())) {
            client.getDatabase("newsroom").getCollection("articles").insertMany(List.of(
                    new Document("_id", "8b565a8944396dbb-001").append("headline", "河西区全民国防教育日宣传活动举行").append("version", 1L),
                    new Document("_id", "8b565a8944396dbb-002").append("headline", "燃气安全进社区").append("version", 1L)));

            Process reader = python("import pymongo\n"
                    + "articles = pymongo.MongoClient('" + store.uri() + "', serverSelectionTimeoutMS=10000).newsroom.articles\n"
                    + "for a in articles.find({}, {'headline': 1}).sort('_id'):\n"
                    + "    print(a['_id'], a['headline'])\n");
            String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(reader.exitValue()).as(output).isZero();
            assertThat(output.lines()).containsExactly("8b565a8944396dbb-001 河西区全民国防教育日宣传活动举行", "8b565a8944396dbb-002 燃气安全进社区");
        }
    }

    private static boolean hasPymongo4() throws InterruptedException {
        try {
            return python("import pymongo, sys; sys.exit(0 if pymongo.version_tuple[0] >= 4 else 1)").exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }

    private static Process python(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process;
    }
}
