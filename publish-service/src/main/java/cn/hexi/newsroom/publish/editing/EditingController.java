package cn.hexi.newsroom.publish.editing;

import cn.hexi.newsroom.publish.api.ArticleReader;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleView;
import cn.hexi.newsroom.publish.api.ArticleReader.VersionView;
import cn.hexi.newsroom.publish.decision.Corrector.EditRefusedException;
import cn.hexi.newsroom.publish.decision.Decision;
import cn.hexi.newsroom.publish.decision.InvalidCorrectionException;
import cn.hexi.newsroom.publish.editing.ArticleEditing.VersionConflictException;
import cn.hexi.newsroom.publish.editing.GazetteerPlaces.PlaceChoice;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' corrections and withdrawals (the admin key), the history of an article's versions, and the gazetteer to pick
 * places from. Each answer carries the article's version as its {@code ETag}; an editor who sends it back in
 * {@code If-Match} changes the article only if nobody changed it since ({@code 412} otherwise).
 */
@RestController
public class EditingController {

    /** The media type of a JSON Merge Patch (RFC 7396). */
    public static final String MERGE_PATCH = "application/merge-patch+json";
    static final String EDITOR_HEADER = "X-Editor";

    /** Why an article is withdrawn, for the history and the readers of the store. */
    public record WithdrawalRequest(String reason) {
    }

    private final ArticleEditing editing;
    private final ArticleReader reader;
    private final GazetteerPlaces places;

    public EditingController(ArticleEditing editing, ArticleReader reader, GazetteerPlaces places) {
        this.editing = editing;
        this.reader = reader;
        this.places = places;
    }

    /**
     * Corrects headline, subheadline, section, tags, places ({@code {"code": …}} from {@code /api/places}, or a road or
     * landmark as {@code {"name": …, "type": …}}) or people. A member set to {@code null} clears the editor's correction,
     * so the pipeline's value shows again. The correction is a new version, notified as {@code corrected}.
     */
    @PatchMapping(path = "/api/articles/{id}", consumes = MERGE_PATCH)
    @ApiResponse(responseCode = "200", description = "The article after the correction (the same version when it changed nothing)")
    public ResponseEntity<ArticleView> correct(@PathVariable String id, @RequestBody Map<String, Object> patch,
                                               @Parameter(description = "the version last seen, quoted") @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Parameter(description = "the editor's name, percent-encoded UTF-8") @RequestHeader(value = EDITOR_HEADER, required = false) String editorName,
                                               Principal principal) {
        return answer(id, () -> editing.correct(id, patch, editor(editorName, principal), expectedVersion(ifMatch)));
    }

    /** Withdraws the article: it leaves lists and feeds, and the notification says {@code withdrawn}. */
    @PostMapping("/api/articles/{id}/withdraw")
    @ApiResponse(responseCode = "200", description = "The withdrawn article")
    public ResponseEntity<ArticleView> withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest request,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(value = EDITOR_HEADER, required = false) String editorName,
                                                Principal principal) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return answer(id, () -> editing.withdraw(id, editor(editorName, principal), reason, expectedVersion(ifMatch)));
    }

    /** Every version of the article, oldest first: what made it (pipeline or editor), when, and what it changed. */
    @GetMapping("/api/articles/{id}/versions")
    public List<VersionView> versions(@PathVariable String id) {
        List<VersionView> versions = reader.versions(id);
        if (versions.isEmpty() && reader.article(id).isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "Article not found", "no article with id " + id);
        }
        return versions;
    }

    /** Places of the gazetteer whose names contain {@code q}, the paper's home district first. */
    @GetMapping("/api/places")
    public List<PlaceChoice> places(@RequestParam String q, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return places.search(q, limit);
    }

    private ResponseEntity<ArticleView> answer(String id, Supplier<Optional<Decision>> edit) {
        Decision decision = edit.get().orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Article not found", "no article with id " + id));
        ArticleView view = reader.article(id).orElseThrow();
        return ResponseEntity.ok().eTag(Long.toString(decision.version())).body(view);
    }

    /** The name the page sends, or else the key's holder. */
    private static String editor(String editorName, Principal principal) {
        if (editorName != null && !editorName.isBlank()) {
            String name = URLDecoder.decode(editorName, StandardCharsets.UTF_8).strip();
            if (!name.isEmpty() && name.length() <= 50) {
                return name;
            }
        }
        return principal == null ? "anonymous" : principal.getName();
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw problem(HttpStatus.PRECONDITION_FAILED, "Version mismatch", "If-Match must be an ETag this API sent, not " + ifMatch);
        }
    }

    @ExceptionHandler(InvalidCorrectionException.class)
    ProblemDetail invalid(InvalidCorrectionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid correction");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(VersionConflictException e) {
        HttpStatus status = e.preconditionFailed() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.preconditionFailed() ? "Version mismatch" : "Edit conflict");
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(status).eTag(Long.toString(e.currentVersion())).body(problem);
    }

    @ExceptionHandler(EditRefusedException.class)
    ProblemDetail refused(EditRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Edit refused");
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
