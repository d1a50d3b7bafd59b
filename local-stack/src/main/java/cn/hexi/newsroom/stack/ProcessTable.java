package cn.hexi.newsroom.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's processes as a file in its data directory ({@code processes.tsv}): which runs under which pid, how often
 * each was restarted. Rewritten on every start and exit, read by {@code ./pipeline status} and {@code ./pipeline chaos}.
 */
public final class ProcessTable {

    public static final String FILE = "processes.tsv";

    /** One process as the table last saw it. */
    public record Row(String name, long pid, boolean alive, int restarts, Instant startedAt) {
    }

    private final Path file;
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();

    ProcessTable(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    synchronized void changed(ChildProcess process) {
        processes.put(process.name(), process);
        StringBuilder text = new StringBuilder("stack\t" + ProcessHandle.current().pid() + "\n");
        processes.values().forEach(p -> text.append(String.join("\t", p.name(), Long.toString(p.pid()), Boolean.toString(p.alive()),
                Integer.toString(p.restarts()), Long.toString(p.startedAt().toEpochMilli()))).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE + ".next");
            Files.writeString(next, text);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes of the stack whose table is in {@code dataDir}, if that stack is still running. */
    public static Optional<List<Row>> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || ProcessHandle.of(Long.parseLong(lines.get(0).split("\t")[1])).filter(ProcessHandle::isAlive).isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            long pid = Long.parseLong(f[1]);
            // Alive by the operating system now, not by the table's last write.
            boolean alive = Boolean.parseBoolean(f[2]) && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
            rows.add(new Row(f[0], pid, alive, Integer.parseInt(f[3]), Instant.ofEpochMilli(Long.parseLong(f[4]))));
        }
        return Optional.of(rows);
    }
}
