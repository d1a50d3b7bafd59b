package cn.hexi.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed issues the benchmarks run on: {@code seeds/*.txt}, or the folder named by {@code -Dnewsroom.seeds}. */
public final class SeedCorpus {

    public static final String PROPERTY = "newsroom.seeds";

    private SeedCorpus() {
    }

    public static Path folder() {
        return Path.of(System.getProperty(PROPERTY, "seeds")).toAbsolutePath();
    }

    public static List<String> texts() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(SeedCorpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size of the corpus as UTF-8, the unit of the MB/s figures. */
    public static long utf8Bytes() {
        return texts().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
