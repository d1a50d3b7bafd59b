package cn.hexi.newsroom.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the stack's JVM children: a service's executable jar, or a main class of this process's own classpath. */
final class JavaCommand {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /**
     * How a child's heap is collected. Serial GC throughout: the stack's JVMs on two cores do better without parallel
     * collector threads.
     */
    enum Heap {
        /**
         * Half the heap young (a third by default): a stream service's or the broker's records live for one batch, so a
         * larger young generation collects less often and each collection still finds few survivors.
         */
        SHORT_LIVED(false, "-XX:+UseSerialGC", "-XX:NewRatio=1"),
        /**
         * The in-memory store's documents live as long as the process. Surviving a young collection promotes at once,
         * instead of being copied between the survivor spaces up to fifteen times; the young generation is small and
         * fixed, the rest of the heap holds the data and is committed from the start, so that growing it takes no full
         * collection (seconds of pause over gigabytes, with every write waiting). The benchmark's store spent 2.3 ms of
         * GC per article with the services' settings, more than any service's own work.
         */
        LONG_LIVED(true, "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0", "-Xmn128m"),
        /**
         * {@link #LONG_LIVED} with every page of the heap touched at start-up. A heap that only grows touches new pages
         * of its old generation in each young collection, and the kernel's first-touch faults were a third of the
         * benchmark's store's CPU (0.93 to 1.13 ms per article without, 0.59 and 0.64 ms with). The price: seconds
         * more to start, and the whole heap resident from the start.
         */
        LONG_LIVED_PRE_TOUCHED(LONG_LIVED, "-XX:+AlwaysPreTouch");

        private final boolean committedAtStart;
        private final List<String> options;

        Heap(boolean committedAtStart, String... options) {
            this.committedAtStart = committedAtStart;
            this.options = List.of(options);
        }

        Heap(Heap base, String... more) {
            this.committedAtStart = base.committedAtStart;
            List<String> all = new ArrayList<>(base.options);
            all.addAll(List.of(more));
            this.options = List.copyOf(all);
        }

        List<String> options(String heap) {
            List<String> all = new ArrayList<>(List.of("-Xmx" + heap));
            if (committedAtStart) {
                all.add("-Xms" + heap);
            }
            all.addAll(options);
            return all;
        }
    }

    /** Which compilers a child's JIT uses. */
    enum Jit {
        /** C1, then C2 for what stays hot: the JVM's default. */
        TIERED(),
        /** C1's code alone: much less compiling for code that is not hot for long, at some cost in its speed. */
        C1_ONLY("-XX:TieredStopAtLevel=1");

        private final List<String> options;

        Jit(String... options) {
            this.options = List.of(options);
        }
    }

    private JavaCommand() {
    }

    static List<String> jar(Path jar, String heap, Jit jit) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(Heap.SHORT_LIVED.options(heap));
        command.addAll(jit.options);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    /**
     * {@code mainClass} with this JVM's classpath: as is when it is a list of classes and jars (tests, the benchmark),
     * through Spring Boot's launcher when it is the local stack's executable jar, whose libraries are nested in it.
     */
    static List<String> main(String heap, Heap collection, Class<?> mainClass, List<String> args) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(collection.options(heap));
        command.addAll(List.of("-cp", classPath));
        if (classPath.endsWith("-exec.jar")) {
            command.add("-Dloader.main=" + mainClass.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(mainClass.getName());
        }
        command.addAll(args);
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
