package cn.hexi.newsroom.stack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 file store, committing its MVStore before it acknowledges a write command: H2 commits only
 * every second by itself, so a hard kill lost up to a second of writes the driver had been told were done. The commit
 * reaches the operating system before the answer leaves, so an acknowledged write survives a SIGKILL of the process
 * (not a power cut: there is no fsync per write). Bulk writes are one command, so a batch costs one commit.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create", "createindexes",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
    }
}
