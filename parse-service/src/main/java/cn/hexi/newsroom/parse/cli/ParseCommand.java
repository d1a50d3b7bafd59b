package cn.hexi.newsroom.parse.cli;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.intake.DecodedText;
import cn.hexi.newsroom.events.intake.IssueDecoder;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.parse.IssueParser;
import cn.hexi.newsroom.parse.ParsedIssue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code parse FILE...}: decodes each file as ingest would, parses it, and prints the parsed-issue document
 * {@code {issueId, articles, report, text}}, one JSON document per line. Exit code 1 when any file failed.
 */
public final class ParseCommand {

    private ParseCommand() {
    }

    /** The command's arguments, parsed by picocli: an option it does not know is an error, not a file name. */
    @Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse issue files offline and print the parsed-issue JSON.")
    static final class Arguments {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "issue files")
        List<String> files;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments = new Arguments();
        CommandLine commandLine = new CommandLine(arguments);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            commandLine.usage(err);
            return 2;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return 0;
        }
        List<String> files = arguments.files;
        IssueParser parser = new IssueParser();
        IssueDecoder decoder = new IssueDecoder();
        EventCodec codec = new EventCodec();
        int exit = 0;
        for (String name : files) {
            try {
                DecodedText decoded = decoder.decode(Files.readAllBytes(Path.of(name)));
                ParsedIssue parsed = parser.parse(IssueIds.of(decoded.text()), null, decoded.text());
                out.println(codec.writeString(parsed));
            } catch (IOException | IssueRejectedException e) {
                err.println(name + ": " + e.getMessage());
                exit = 1;
            }
        }
        out.flush();
        return exit;
    }
}
