package cn.hexi.newsroom.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the stack's JVM children: a service's executable jar, or a main class of this process's own classpath. */
final class JavaCommand {

    private static final List<String> GC = List.of("-XX:+UseSerialGC", "-XX:NewRatio=1");
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {
    }

    /**
     * Serial GC: the stack's small JVMs on two cores do better without parallel collector threads. Half the heap young
     * (a third by default): a stream service's records live for one batch, so a larger young generation collects less
     * often and each collection still finds few survivors.
     */
    static List<String> jar(Path jar, String heap) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        command.addAll(GC);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    /**
     * {@code mainClass} with this JVM's classpath: as is when it is a list of classes and jars (tests, the benchmark),
     * through Spring Boot's launcher when it is the local stack's executable jar, whose libraries are nested in it.
     */
    static List<String> main(String heap, Class<?> mainClass, List<String> args) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        command.addAll(GC);
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
