package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.events.process.ParentWatch;
import java.nio.file.Path;

/** The local stack's broker in a process of its own: {@code DATA_DIR PORT CONTROLLER_PORT}; prints {@code ready} when up. */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        // SIGTERM: a controlled shutdown, so the next start needs no log recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        ParentWatch.fromEnvironment();
        System.out.println("ready " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
