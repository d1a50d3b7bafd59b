package cn.hexi.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark's scratch folders: a run's broker log alone is gigabytes, so each is deleted once measured. */
final class Folders {

    private Folders() {
    }

    /** Deletes {@code folder} and everything in it, deepest first. */
    static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
