package cn.hexi.newsroom.publish.api;

import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.ParseReport;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.publish.PublishProperties;
import cn.hexi.newsroom.publish.store.ArticleStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the stored articles and issues. */
@RestController
@Validated
public class ArticleController {

    public record ArticleView(String articleId, long version, Instant publishedAt, String url, ParsedArticle article, Enrichment enrichment) {
    }

    public record IssueView(String issueId, IssueMetadata metadata, List<String> articleIds, Integer articleCount,
                            List<String> storedArticleIds, ParseReport report, Instant parsedAt, Instant lastPublishedAt) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final ArticleStore store;
    private final EventCodec codec;
    private final PublishProperties properties;

    public ArticleController(ArticleStore store, EventCodec codec, PublishProperties properties) {
        this.store = store;
        this.codec = codec;
        this.properties = properties;
    }

    /** Newest first. */
    @GetMapping("/api/articles")
    public Page<ArticleView> articles(@RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(store.articles(page, size).stream().map(this::article).toList(), page, size, store.articleCount());
    }

    @GetMapping("/api/articles/{id}")
    public ArticleView article(@PathVariable String id) {
        return store.article(id).map(this::article).orElseThrow(() -> notFound("article", id));
    }

    @GetMapping("/api/issues")
    public Page<IssueView> issues(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(store.issues(page, size).stream().map(this::issue).toList(), page, size, store.issueCount());
    }

    @GetMapping("/api/issues/{id}")
    public IssueView issue(@PathVariable String id) {
        return store.issue(id).map(this::issue).orElseThrow(() -> notFound("issue", id));
    }

    private ArticleView article(Document d) {
        return new ArticleView(d.getString("_id"), d.getLong("version"), instant(d.getDate("publishedAt")),
                properties.articleUrl() + d.getString("_id"),
                read(d.get("article", Document.class), ParsedArticle.class), read(d.get("enrichment", Document.class), Enrichment.class));
    }

    @SuppressWarnings("unchecked")
    private IssueView issue(Document d) {
        return new IssueView(d.getString("_id"), read(d.get("metadata", Document.class), IssueMetadata.class),
                (List<String>) d.get("articleIds"), d.getInteger("articleCount"), (List<String>) d.get("storedArticleIds"),
                read(d.get("report", Document.class), ParseReport.class), instant(d.getDate("parsedAt")), instant(d.getDate("lastPublishedAt")));
    }

    private <T> T read(Document sub, Class<T> type) {
        return sub == null ? null : codec.read(sub.toJson().getBytes(StandardCharsets.UTF_8), type);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static ErrorResponseException notFound(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
        problem.setTitle(what.substring(0, 1).toUpperCase() + what.substring(1) + " not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
