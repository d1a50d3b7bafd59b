package cn.hexi.newsroom.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded MongoDB wire-protocol server (mongo-java-server) reached through the real driver. With a data
 * directory it keeps its data in an H2 MVStore file; without one, in memory (its memory backend). It lacks transactions,
 * {@code $text}, geo queries, {@code hello} and change streams. The file store commits every write command before
 * acknowledging it ({@link DurableH2Backend}), so a hard kill loses no acknowledged write.
 * <p>
 * No oplog: nothing in the pipeline reads change streams (consumers follow the articles topic, or watch the real
 * MongoDB replica set of {@code docker-compose.yml}), and mongo-java-server's oplog is an uncapped collection that keeps
 * a deep copy of every inserted document and every update for as long as the store lives (in memory, one more copy
 * for each young collection to move into the old generation).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** @param dataDir where the store file lives, or null for an in-memory store */
    public static EmbeddedMongo start(Path dataDir, int port, String database) throws IOException {
        MongoBackend backend;
        if (dataDir == null) {
            // The memory backend's indexes are hash maps; H2's in-memory store compares index keys by serialising them.
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(dataDir.resolve("mongo"));
            backend = new DurableH2Backend(dataDir.resolve("mongo").resolve("newsroom.mv").toAbsolutePath().toString());
        }
        MongoServer server = new MongoServer(backend.version(WireVersion.MONGO_5_0));
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database);
    }

    public String uri() {
        return uri;
    }

    /** Orderly stop: stops listening, closes client connections, then commits and closes the store file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
