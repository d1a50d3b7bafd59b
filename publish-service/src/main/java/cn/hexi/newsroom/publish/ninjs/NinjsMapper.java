package cn.hexi.newsroom.publish.ninjs;

import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An article as an IPTC ninjs 3.1 news item (News in JSON): headlines with roles, HTML and plain-text bodies, the
 * byline, subjects with the tagger's confidence, places with GeoJSON points, people and organisations. Absent values
 * are left out rather than written as null, as ninjs expects.
 */
public final class NinjsMapper {

    private final ZoneId paperZone;

    /** @param paperZone the paper's time zone: an issue date is a day there */
    public NinjsMapper(ZoneId paperZone) {
        this.paperZone = paperZone;
    }

    public static final String VERSION = "3.1";
    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    private static final Map<String, String> BYLINE_LABELS = Map.of(
            "reporter", "记者", "correspondent", "通讯员", "writer", "文", "photographer", "摄影");

    /** What the store knows of an article besides its parsed and enriched content; a withdrawn article is not to be used. */
    public record Stored(String articleId, long version, Instant publishedAt, String url, boolean withdrawn) {
    }

    public Map<String, Object> toNinjs(Stored stored, ParsedArticle article, Enrichment enrichment) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", "urn:hexi-newsroom:article:" + stored.articleId());
        item.put("type", "text");
        item.put("representationType", "full");
        item.put("profile", "hexi-newsroom-" + article.kind().jsonName());
        item.put("version", Long.toString(stored.version()));
        IssueMetadata issue = article.issue();
        if (issue != null && issue.receivedAt() != null) {
            item.put("firstCreated", issue.receivedAt().toString());
        }
        if (stored.publishedAt() != null) {
            item.put("versionCreated", stored.publishedAt().toString());
        }
        if (issue != null && issue.issueDate() != null) {
            // RFC 3339 needs the seconds, which OffsetDateTime.toString() leaves out at a full minute.
            item.put("contentCreated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(issue.issueDate().atStartOfDay(paperZone).toOffsetDateTime()));
        }
        // ninjs 3.1 has no "withdrawn": a withdrawn item is "canceled", no longer to be used.
        item.put("pubStatus", stored.withdrawn() ? "canceled" : "usable");
        if (issue != null && issue.publication() != null) {
            item.put("copyrightHolder", issue.publication());
        }
        item.put("language", "zh-Hans-CN");
        putIfAny(item, "headlines", headlines(article));
        putIfAny(item, "descriptions", descriptions(article, enrichment));
        item.put("bodies", bodies(article));
        putIfPresent(item, "by", byline(article));
        if (article.headline() != null) {
            item.put("title", article.headline());
        }
        item.put("genres", List.of(Map.of("literal", article.kind().jsonName())));
        if (enrichment != null) {
            putIfAny(item, "subjects", subjects(enrichment));
            putIfAny(item, "places", places(enrichment.places()));
            putIfAny(item, "people", people(article, enrichment));
            putIfAny(item, "organisations", enrichment.organisations().stream()
                    .map(org -> Map.<String, Object>of("name", org.name(), "rel", "mentioned")).toList());
            enrichment.places().stream().filter(Place::focus).findFirst().ifPresent(focus -> item.put("located", focus.name()));
        }
        item.put("altIds", List.of(
                Map.of("role", "article-id", "value", stored.articleId()),
                Map.of("role", "issue-id", "value", article.issueId())));
        if (stored.url() != null) {
            item.put("renditions", List.of(Map.of("name", "api", "href", stored.url(), "contentType", "application/json")));
        }
        item.put("standard", Map.of("name", "ninjs", "version", VERSION, "schema", SCHEMA));
        return item;
    }

    private static List<Map<String, Object>> headlines(ParsedArticle article) {
        List<Map<String, Object>> headlines = new ArrayList<>();
        addText(headlines, "kicker", article.kicker());
        addText(headlines, "main", article.headline());
        addText(headlines, "subheadline", article.subheadline());
        return headlines;
    }

    private static List<Map<String, Object>> descriptions(ParsedArticle article, Enrichment enrichment) {
        List<Map<String, Object>> descriptions = new ArrayList<>();
        addText(descriptions, "deck", article.deck());
        if (article.section() != null) {
            addText(descriptions, "section", article.section());
        }
        if (enrichment != null) {
            addText(descriptions, "summary", enrichment.summary());
        }
        return descriptions;
    }

    private static void addText(List<Map<String, Object>> target, String role, String value) {
        if (value != null && !value.isBlank()) {
            target.add(Map.of("role", role, "contentType", "text/plain", "value", value));
        }
    }

    private static List<Map<String, Object>> bodies(ParsedArticle article) {
        StringBuilder html = new StringBuilder();
        StringJoiner plain = new StringJoiner("\n\n");
        int characters = 0;
        for (BodyItem item : article.body()) {
            String tag = BodyItem.HEADING.equals(item.type()) ? "h3" : "p";
            html.append('<').append(tag).append('>').append(escapeHtml(item.text())).append("</").append(tag).append(">\n");
            plain.add(item.text());
            characters += item.text().codePointCount(0, item.text().length());
        }
        return List.of(
                Map.of("role", "main", "contentType", "text/html", "charCount", characters, "value", html.toString()),
                Map.of("role", "main", "contentType", "text/plain", "charCount", characters, "value", plain.toString()));
    }

    /** The credit line as the paper prints it: {@code 记者 张三 通讯员 李四 王五 摄}. */
    private static String byline(ParsedArticle article) {
        StringJoiner by = new StringJoiner(" ");
        String lastLabel = null;
        for (Byline credit : article.bylines()) {
            String label = BYLINE_LABELS.getOrDefault(credit.role(), credit.role());
            if (!label.equals(lastLabel)) {
                by.add(label);
                lastLabel = label;
            }
            by.add(credit.name());
        }
        if (!article.photographers().isEmpty()) {
            by.add(String.join(" ", article.photographers()) + " 摄");
        }
        return by.length() == 0 ? null : by.toString();
    }

    /** Topics carry the tagger's confidence; keywords their relevance, relative to the article's strongest keyword. */
    private static List<Map<String, Object>> subjects(Enrichment enrichment) {
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (Enrichment.Tag tag : enrichment.tags()) {
            subjects.add(subject(tag.name(), "topic", enrichment.enricher(), "confidence", percent(tag.score())));
        }
        double strongest = enrichment.keywords().stream().mapToDouble(Enrichment.Keyword::score).max().orElse(0);
        for (Enrichment.Keyword keyword : enrichment.keywords()) {
            int relevance = strongest > 0 ? percent(keyword.score() / strongest) : 0;
            subjects.add(subject(keyword.term(), "keyword", enrichment.enricher(), "relevance", relevance));
        }
        return subjects;
    }

    private static Map<String, Object> subject(String name, String rel, String creator, String measure, int value) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", name);
        subject.put("rel", rel);
        subject.put("uri", "urn:hexi-newsroom:" + rel + ":" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        subject.put("literal", name);
        if (creator != null) {
            subject.put("creator", creator);
        }
        subject.put(measure, value);
        return subject;
    }

    private static List<Map<String, Object>> places(List<Place> places) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Place place : places) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", place.name());
            entry.put("rel", place.focus() ? "focus" : "mentioned");
            if (place.code() != null) {
                // The official division code identifies the place; its type says which level it is.
                entry.put("uri", "urn:hexi-newsroom:place:" + place.type() + ":" + place.code());
                entry.put("literal", place.code());
            } else {
                entry.put("literal", place.type() + ":" + place.name());
            }
            if (place.coordinates() != null) {
                entry.put("geoJSON", Map.of("type", "Point",
                        "coordinates", List.of(place.coordinates().longitude(), place.coordinates().latitude())));
            }
            result.add(entry);
        }
        return result;
    }

    /** The credited authors first, then the people the text names, each once. */
    private static List<Map<String, Object>> people(ParsedArticle article, Enrichment enrichment) {
        List<Map<String, Object>> people = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Byline credit : article.bylines()) {
            if (seen.add(credit.name())) {
                people.add(Map.of("name", credit.name(), "rel", credit.role()));
            }
        }
        for (String photographer : article.photographers()) {
            if (seen.add(photographer)) {
                people.add(Map.of("name", photographer, "rel", "photographer"));
            }
        }
        for (Enrichment.Person person : enrichment.people()) {
            if (seen.add(person.name())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", person.name());
                entry.put("rel", "mentioned");
                if (person.role() != null && !person.role().isBlank()) {
                    entry.put("literal", person.role());
                }
                people.add(entry);
            }
        }
        return people;
    }

    private static int percent(double score) {
        return (int) Math.round(Math.max(0, Math.min(1, score)) * 100);
    }

    private static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void putIfAny(Map<String, Object> item, String key, List<?> values) {
        if (!values.isEmpty()) {
            item.put(key, values);
        }
    }

    private static void putIfPresent(Map<String, Object> item, String key, String value) {
        if (value != null) {
            item.put(key, value);
        }
    }
}
