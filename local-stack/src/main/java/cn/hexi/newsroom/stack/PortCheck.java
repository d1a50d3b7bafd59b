package cn.hexi.newsroom.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses a port that is already taken, naming the process that holds it (from Linux's {@code /proc}), so that a stack
 * never starts next to another one's processes and takes their answers for its own.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /** @throws IllegalStateException naming the holder when {@code port} cannot be bound on 127.0.0.1 */
    public static void requireFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " (" + what + ") is taken by " + holder(port)
                    .orElse("a process this user cannot see") + "; stop it or move the port (see ./pipeline help)");
        }
    }

    /** The process listening on a TCP port: {@code pid 1234 (java -jar ...)}. */
    static Optional<String> holder(int port) {
        return listeningInode(port).flatMap(PortCheck::processWithSocket);
    }

    private static Optional<String> listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                // Fields: sl local_address rem_address st(0A = LISTEN) ... inode (the tenth).
                Optional<String> inode = lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
                        .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")).map(f -> f[9]).findFirst();
                if (inode.isPresent()) {
                    return inode;
                }
            } catch (IOException | RuntimeException notLinux) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> processWithSocket(String inode) {
        String link = "socket:[" + inode + "]";
        return ProcessHandle.allProcesses().filter(p -> holds(p.pid(), link)).findFirst()
                .map(p -> "pid " + p.pid() + " (" + abbreviated(p.info().commandLine().orElse("?")) + ")");
    }

    private static String abbreviated(String commandLine) {
        return commandLine.length() > 160 ? commandLine.substring(0, 160) + " ..." : commandLine;
    }

    private static boolean holds(long pid, String link) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException notOurs) {
            return false;
        }
    }
}
