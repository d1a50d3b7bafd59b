package cn.hexi.newsroom.bench;

import cn.hexi.newsroom.stack.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Writes per second into the embedded file store, the way H2 commits by itself (once a second, so a hard kill loses
 * what came in since) and the way the local stack's store does (a commit before each write is acknowledged), for
 * single inserts and for bulk inserts of the size of a publish batch.
 */
final class StoreWrites {

    private static final long WARM_UP_MILLIS = 2_000;
    private static final long MEASURE_MILLIS = 5_000;
    private static final String TEXT = "河西区".repeat(600);

    private StoreWrites() {
    }

    static String section() throws Exception {
        StringBuilder md = new StringBuilder("## The embedded file store's writes\n\n");
        md.append("Inserts of 2 KB documents from one client into the H2 file store (`./pipeline up`'s store), ")
          .append(String.format("%d s after %d s of warm-up each:%n%n", MEASURE_MILLIS / 1000, WARM_UP_MILLIS / 1000));
        md.append("| writes | H2 committing once a second | committed before each acknowledgement |\n|---|---|---|\n");
        for (int batch : new int[] {1, 200}) {
            md.append(String.format("| %s | %.0f documents/s | %.0f documents/s |%n", batch == 1 ? "one insert per document" : "bulk inserts of " + batch,
                    documentsPerSecond(false, batch), documentsPerSecond(true, batch)));
        }
        return md.append('\n').toString();
    }

    private static double documentsPerSecond(boolean commitEachWrite, int batch) throws Exception {
        Path dir = Files.createTempDirectory("newsroom-store-bench");
        try {
            return documentsPerSecond(dir, commitEachWrite, batch);
        } finally {
            Folders.delete(dir);
        }
    }

    private static double documentsPerSecond(Path dir, boolean commitEachWrite, int batch) throws Exception {
        if (commitEachWrite) {
            try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0, "newsroom")) {
                return documentsPerSecond(store.uri(), batch);
            }
        }
        Files.createDirectories(dir.resolve("mongo"));
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("mongo").resolve("newsroom.mv").toString()));
        try {
            server.bind("127.0.0.1", 0);
            return documentsPerSecond("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/newsroom", batch);
        } finally {
            server.shutdown();
        }
    }

    private static double documentsPerSecond(String uri, int batch) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> articles = client.getDatabase("newsroom").getCollection("articles");
            long[] next = {0};
            write(articles, batch, next, WARM_UP_MILLIS);
            long before = next[0];
            write(articles, batch, next, MEASURE_MILLIS);
            return (next[0] - before) * 1000.0 / MEASURE_MILLIS;
        }
    }

    private static void write(MongoCollection<Document> articles, int batch, long[] next, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            List<Document> documents = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                documents.add(new Document("_id", "article-" + next[0]++).append("text", TEXT));
            }
            if (batch == 1) {
                articles.insertOne(documents.get(0));
            } else {
                articles.insertMany(documents);
            }
        }
    }
}
