package cn.hexi.newsroom.stack;

import java.nio.file.Path;

/** The embedded store alone in a process of its own, for a test to kill: {@code DATA_DIR PORT}; prints its URI when up. */
public final class EmbeddedMongoProcess {

    private EmbeddedMongoProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongo store = EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]), "newsroom");
        System.out.println("ready " + store.uri());
        System.out.flush();
        Thread.currentThread().join();
    }
}
