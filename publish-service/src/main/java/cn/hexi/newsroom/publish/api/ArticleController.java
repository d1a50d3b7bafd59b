package cn.hexi.newsroom.publish.api;

import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleList;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleView;
import cn.hexi.newsroom.publish.api.ArticleReader.IssueView;
import cn.hexi.newsroom.publish.live.LiveArticles;
import cn.hexi.newsroom.publish.ninjs.NinjsMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Read access to the stored articles and issues. Parameter constraints are checked by Spring MVC's own method
 * validation, which answers a violation with a 400 problem (a class-level {@code @Validated} would make it a 500).
 */
@RestController
public class ArticleController {

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final ArticleReader reader;
    private final LiveArticles live;
    private final NinjsMapper ninjs;

    public ArticleController(ArticleReader reader, LiveArticles live, PaperHome home) {
        this.reader = reader;
        this.live = live;
        this.ninjs = new NinjsMapper(home.timeZone());
    }

    /**
     * Newest first, filtered: {@code place} is a division code or a place name and matches everything inside it (a
     * street finds the articles about its communities); {@code from}/{@code to} bound the news date; {@code q} is text
     * the title or body contains.
     */
    @GetMapping("/api/articles")
    public ArticleList articles(ArticleFilters filters,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        try {
            return reader.search(filters, cursor, limit);
        } catch (IllegalArgumentException badCursor) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, badCursor.getMessage());
            problem.setTitle("Invalid cursor");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, badCursor);
        }
    }

    /**
     * Live articles for pages (Server-Sent Events, event name {@code article}, data: the published notification). A page
     * that reconnects sends {@code Last-Event-ID} (browsers do so by themselves) and first gets what it missed.
     */
    @GetMapping(path = "/api/articles/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId) {
        return live.connect(lastEventId);
    }

    /** The article as published; its {@code ETag} is its version, for an editor's {@code If-Match}. */
    @GetMapping("/api/articles/{id}")
    public ResponseEntity<ArticleView> article(@PathVariable String id) {
        ArticleView view = view(id);
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    private ArticleView view(String id) {
        return reader.article(id).orElseThrow(() -> notFound("article", id));
    }

    /** The article as an IPTC ninjs 3.1 news item, for systems that speak News in JSON. */
    @GetMapping(path = "/api/articles/{id}/ninjs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> ninjs(@PathVariable String id) {
        ArticleView view = view(id);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri().resolve(view.url()).toString();
        return ninjs.toNinjs(new NinjsMapper.Stored(view.articleId(), view.version(), view.publishedAt(), url, view.withdrawn()),
                view.article(), view.enrichment());
    }

    /** One piece of an article's source: which field or body item it became, and the text it was. */
    public record SourcePiece(String field, int start, int end, String text) {
    }

    /** The article's original text, cut from the issue text by its source spans, in source order. */
    public record ArticleSource(String articleId, String issueId, List<SourcePiece> pieces) {
    }

    @GetMapping("/api/articles/{id}/source")
    public ArticleSource source(@PathVariable String id) {
        ArticleView view = view(id);
        String text = reader.issueText(view.article().issueId());
        if (text == null) {
            throw notFound("issue text for article", id);
        }
        List<SourcePiece> pieces = new ArrayList<>();
        view.article().titleSpans().forEach((field, spans) -> spans.forEach(span -> pieces.add(piece(field, span, text))));
        List<BodyItem> body = view.article().body();
        for (int i = 0; i < body.size(); i++) {
            String field = body.get(i).type() + " " + (i + 1);
            body.get(i).spans().forEach(span -> pieces.add(piece(field, span, text)));
        }
        pieces.sort(Comparator.comparingInt(SourcePiece::start));
        return new ArticleSource(id, view.article().issueId(), pieces);
    }

    private static SourcePiece piece(String field, Span span, String text) {
        int end = Math.min(span.end(), text.length());
        int start = Math.min(span.start(), end);
        return new SourcePiece(field, start, end, text.substring(start, end));
    }

    @GetMapping("/api/issues")
    public Page<IssueView> issues(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(reader.issues(page, size), page, size, reader.issueCount());
    }

    @GetMapping("/api/issues/{id}")
    public IssueView issue(@PathVariable String id) {
        return reader.issue(id).orElseThrow(() -> notFound("issue", id));
    }

    private static ErrorResponseException notFound(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
        problem.setTitle(what.substring(0, 1).toUpperCase() + what.substring(1) + " not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
