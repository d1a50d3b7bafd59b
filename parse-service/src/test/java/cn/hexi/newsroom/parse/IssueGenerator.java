package cn.hexi.newsroom.parse;

import cn.hexi.newsroom.parse.layout.LineClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lays out issues the parser has never seen from the hand-segmented articles of the seeds, and writes down what each
 * must parse to. Every issue takes its own selection and order of articles and prints them its own way: headlines on
 * one line or broken over two, headline and subheadline run together into one long line, other byline forms, bylines
 * above the headline, decks, crossheads, photos set inside a story, captions with their credit on the same line,
 * paragraphs cut at random places by column breaks, markdown headings and indented paragraphs. The expected
 * segmentation changes only where the layout does (a headline run together with its subheadline is one headline).
 */
final class IssueGenerator {

    /** Crossheads in the paper's manner: short phrases without sentence punctuation. */
    private static final List<String> CROSSHEADS = List.of("强化组织领导 压实工作责任", "聚焦民生实事", "创新方式方法 提升服务效能",
            "党建引领 凝聚合力", "坚持问题导向", "多方联动 形成合力", "夯实基层基础", "守牢安全底线", "突出重点 精准发力",
            "下足“绣花”功夫", "让群众少跑腿", "久久为功 善作善成");
    private static final String NUMERALS = "一二三四五六";
    /**
     * A column break comes after at least one printed line of the column, about ten characters; the part after it
     * may be as short as one character.
     */
    private static final int MIN_CUT_HEAD = 10;

    private final List<JsonNode> articles;
    private final Random random;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int issued;

    /** An issue's text, and the gold document ({@code issue, articles, notArticles}) it must parse to. */
    record GeneratedIssue(String name, String text, ObjectNode gold) {
    }

    IssueGenerator(List<JsonNode> goldIssues, long seed) {
        List<JsonNode> all = new ArrayList<>();
        // A story cut by a page jump is printed only with its jump, which the generator does not make.
        goldIssues.forEach(issue -> issue.get("articles").forEach(article -> {
            if (!article.get("flags").toString().contains("truncated")) {
                all.add(article);
            }
        }));
        this.articles = List.copyOf(all);
        this.random = new Random(seed);
    }

    GeneratedIssue next() {
        String name = String.format("generated-%03d", issued++);
        Layout layout = new Layout(random.nextInt(4) == 0, random.nextInt(3) == 0 ? "\u3000\u3000" : "",
                0.15 + random.nextDouble() * 0.3);
        List<JsonNode> chosen = new ArrayList<>(articles);
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, 6 + random.nextInt(5));
        ArrayNode expected = nodes.arrayNode();
        for (int i = 0; i < chosen.size(); i++) {
            ObjectNode article = (ObjectNode) chosen.get(i).deepCopy();
            ObjectNode photoInside = null;
            if (isNews(article) && i + 1 < chosen.size() && chosen.get(i + 1).get("kind").asString().equals("photo")
                    && random.nextInt(3) == 0) {
                photoInside = (ObjectNode) chosen.get(++i).deepCopy();
            }
            render(article, photoInside, layout);
            expected.add(article);
            if (photoInside != null) {
                expected.add(photoInside);
            }
        }
        ObjectNode gold = nodes.objectNode().put("issue", name);
        gold.set("articles", expected);
        gold.set("notArticles", nodes.arrayNode());
        return new GeneratedIssue(name, layout.text(), gold);
    }

    private void render(ObjectNode article, ObjectNode photoInside, Layout out) {
        switch (article.get("kind").asString()) {
            case "photo" -> renderPhoto(article, out);
            case "note" -> {
                optional(article, "section").ifPresent(out::block);
                out.title(article.get("headline").asString());
                renderBody(article, null, out);
            }
            default -> renderNews(article, photoInside, out);
        }
    }

    private void renderNews(ObjectNode article, ObjectNode photoInside, Layout out) {
        optional(article, "section").ifPresent(out::block);
        String byline = byline(names(article.get("bylines")));
        boolean bylineFirst = out.endsSentence() && article.get("kicker").isNull() && article.get("section").isNull()
                && article.get("deck").isNull() && random.nextInt(10) == 0;
        if (bylineFirst) {
            out.block(byline);
        }
        renderTitles(article, out);
        if (!bylineFirst) {
            renderDeckAndByline(article, byline, out);
        }
        renderBody(article, photoInside, out);
    }

    /** Kicker, headline and subheadline; the headline broken over two lines, or run together with its subheadline. */
    private void renderTitles(ObjectNode article, Layout out) {
        optional(article, "kicker").ifPresent(out::title);
        String headline = article.get("headline").asString();
        Optional<String> subheadline = optional(article, "subheadline");
        if (subheadline.isPresent() && random.nextInt(4) == 0) {
            headline = headline + " " + subheadline.get();
            article.put("headline", headline);
            article.putNull("subheadline");
            subheadline = Optional.empty();
        }
        if (headline.length() >= 12 && random.nextInt(4) == 0) {
            int cut = cutNear(headline, headline.length() / 2);
            out.title(headline.substring(0, cut).strip());
            out.sameBlock(out.heading(headline.substring(cut).strip()));
        } else {
            out.title(headline);
        }
        subheadline.ifPresent(out::title);
    }

    /** A gold deck, or now and then the lead's first sentence as one, above the byline or between two copies of it. */
    private void renderDeckAndByline(ObjectNode article, String byline, Layout out) {
        String deck = optional(article, "deck").orElse(null);
        if (deck == null && random.nextInt(6) == 0) {
            deck = leadSentence(article);
            if (deck != null) {
                article.put("deck", deck);
            }
        }
        if (deck != null && random.nextBoolean()) {
            out.block(byline);
        }
        if (deck != null) {
            out.block(deck);
        }
        out.block(byline);
    }

    private void renderBody(ObjectNode article, ObjectNode photoInside, Layout out) {
        ArrayNode body = (ArrayNode) article.get("body");
        addCrossheads(body);
        int photoAfter = photoInside == null ? -1 : completeParagraphBefore(body);
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            String text = item.get("text").asString();
            if (item.get("type").asString().equals("heading")) {
                out.block(out.heading(text));
            } else {
                paragraph(text, out);
            }
            if (i == photoAfter) {
                renderPhoto(photoInside, out);
            }
        }
        if (photoInside != null && photoAfter < 0) {
            renderPhoto(photoInside, out);
        }
    }

    /** A paragraph, cut in two by a column break now and then, at any place but a sentence's end. */
    private void paragraph(String text, Layout out) {
        if (text.length() > MIN_CUT_HEAD + 1 && random.nextDouble() < out.breakRate) {
            int cut = MIN_CUT_HEAD + random.nextInt(text.length() - MIN_CUT_HEAD);
            if (!LineClassifier.endsSentence(text.substring(0, cut))) {
                out.block(out.indent + text.substring(0, cut));
                if (random.nextBoolean()) {
                    out.block(text.substring(cut));
                } else {
                    out.sameBlock(text.substring(cut));
                }
                return;
            }
        }
        out.block(out.indent + text);
    }

    private void renderPhoto(ObjectNode photo, Layout out) {
        optional(photo, "headline").ifPresent(out::title);
        String caption = photo.get("body").get(0).get("text").asString();
        String credit = String.join(" ", names(photo.get("photographers"))) + " 摄";
        if (random.nextBoolean()) {
            out.block(out.indent + caption + " " + credit);
        } else {
            out.block(out.indent + caption);
            out.block(credit);
        }
    }

    /** Now and then a long story gets crossheads, numbered or not, before some of its paragraphs. */
    private void addCrossheads(ArrayNode body) {
        boolean hasHeadings = false;
        for (JsonNode item : body) {
            hasHeadings |= item.get("type").asString().equals("heading");
        }
        if (hasHeadings || body.size() < 4 || random.nextInt(5) != 0) {
            return;
        }
        boolean numbered = random.nextBoolean();
        List<String> heads = new ArrayList<>(CROSSHEADS);
        Collections.shuffle(heads, random);
        int added = 0;
        for (int i = body.size() - 2; i >= 1 && added < 3; i -= 1 + random.nextInt(2)) {
            String head = heads.get(added++);
            body.insert(i, nodes.objectNode().put("type", "heading").put("text", head));
        }
        if (numbered) {
            int n = 0;
            for (JsonNode item : body) {
                if (item.get("type").asString().equals("heading")) {
                    ((ObjectNode) item).put("text", NUMERALS.charAt(n++) + "、" + item.get("text").asString());
                }
            }
        }
    }

    private int completeParagraphBefore(ArrayNode body) {
        for (int i = body.size() - 2; i >= 0; i--) {
            JsonNode item = body.get(i);
            if (item.get("type").asString().equals("paragraph")
                    && LineClassifier.endsSentence(item.get("text").asString())
                    && body.get(i + 1).get("type").asString().equals("paragraph")) {
                return i;
            }
        }
        return -1;
    }

    /** The lead's first sentence, without its full stop, when it is of a deck's length and has a comma in it. */
    private static String leadSentence(ObjectNode article) {
        String lead = article.get("body").get(0).get("text").asString();
        int end = lead.indexOf('。');
        if (end < 16 || end > 60) {
            return null;
        }
        String sentence = lead.substring(0, end);
        boolean quotesClosed = sentence.chars().filter(c -> c == '“').count() == sentence.chars().filter(c -> c == '”').count();
        return quotesClosed && (sentence.contains(",") || sentence.contains("，")) ? sentence : null;
    }

    private String byline(List<String> names) {
        return switch (random.nextInt(6)) {
            case 0 -> "■ 通讯员 " + String.join(" ", names);
            case 1 -> "■ 本报记者 " + String.join(" ", names);
            case 2 -> "本报记者 " + names.get(0) + (names.size() > 1 ? " 通讯员 " + String.join(" ", names.subList(1, names.size())) : "");
            case 3 -> "记者 " + String.join("、", names);
            case 4 -> "文/" + String.join(" ", names);
            default -> "■通讯员" + String.join(" ", names);
        };
    }

    /** A break in a headline: at the space nearest the middle when there is one, else at the middle. */
    private static int cutNear(String headline, int middle) {
        int best = -1;
        for (int i = headline.indexOf(' '); i >= 0; i = headline.indexOf(' ', i + 1)) {
            if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) {
                best = i;
            }
        }
        return best < 0 ? middle : best;
    }

    private static boolean isNews(JsonNode article) {
        return article.get("kind").asString().equals("news") && article.get("body").size() >= 2;
    }

    private static Optional<String> optional(JsonNode article, String field) {
        JsonNode value = article.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asString()));
        return names;
    }

    /** The issue's text as it is printed, and the issue's own way of printing headings and paragraphs. */
    private static final class Layout {
        private final StringBuilder text = new StringBuilder();
        private final boolean markdown;
        private final String indent;
        private final double breakRate;

        Layout(boolean markdown, String indent, double breakRate) {
            this.markdown = markdown;
            this.indent = indent;
            this.breakRate = breakRate;
        }

        /** A line with a blank line before it, as the seeds print every block. */
        void block(String line) {
            text.append('\n').append(line).append('\n');
        }

        /** A line printed right under the previous one. */
        void sameBlock(String line) {
            text.append(line).append('\n');
        }

        void title(String line) {
            block(heading(line));
        }

        String heading(String line) {
            return markdown ? "## " + line : line;
        }

        boolean endsSentence() {
            String printed = text.toString().strip();
            return printed.isEmpty() || LineClassifier.endsSentence(printed);
        }

        String text() {
            return text.toString();
        }
    }
}
