package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.events.process.ParentWatch;
import java.nio.file.Path;

/**
 * The local stack's store in a process of its own: {@code PORT [DATA_DIR]} (without a directory, in memory); prints
 * {@code ready URI} when it listens.
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        EmbeddedMongo store = EmbeddedMongo.start(args.length > 1 ? Path.of(args[1]) : null, Integer.parseInt(args[0]), "newsroom");
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-shutdown"));
        ParentWatch.fromEnvironment();
        System.out.println("ready " + store.uri());
        Thread.currentThread().join();
    }
}
