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

/**
 * {@code parse FILE...}: decodes each file as ingest would, parses it, and prints the parsed-issue document
 * {@code {issueId, articles, report, text}}, one JSON document per line. Exit code 1 when any file failed.
 */
public final class ParseCommand {

    private ParseCommand() {
    }

    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("usage: parse FILE...");
            return 2;
        }
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
