package cn.hexi.newsroom.enrich.cli;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.ParsedArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads what {@code ./pipeline parse} prints: parsed-issue documents, one JSON per line, each with its articles. */
final class ParsedIssueLines {

    /** One parsed issue's id and articles. */
    record ParsedIssueArticles(String issueId, List<ParsedArticle> articles) {
    }

    private final EventCodec codec;

    ParsedIssueLines(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Hands each document to {@code each}, and each line that is not one, with its number and why, to {@code bad};
     * blank lines are skipped.
     */
    void read(InputStream in, Consumer<ParsedIssueArticles> each, BiConsumer<Integer, String> bad) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(parse(line));
                } catch (JacksonException | IllegalArgumentException e) {
                    bad.accept(number, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedIssueArticles parse(String line) {
        JsonNode document = codec.mapper().readTree(line);
        JsonNode articles = document.get("articles");
        if (articles == null || !articles.isArray() || document.path("issueId").asString("").isEmpty()) {
            throw new IllegalArgumentException("not a parsed-issue document: it needs issueId and articles");
        }
        List<ParsedArticle> parsed = new ArrayList<>();
        for (JsonNode article : articles) {
            parsed.add(codec.read(codec.mapper().writeValueAsBytes(article), ParsedArticle.class));
        }
        return new ParsedIssueArticles(document.get("issueId").asString(), parsed);
    }
}
