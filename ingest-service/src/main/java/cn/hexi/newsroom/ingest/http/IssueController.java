package cn.hexi.newsroom.ingest.http;

import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.events.intake.RejectionReason;
import cn.hexi.newsroom.ingest.intake.AcceptedIssue;
import cn.hexi.newsroom.ingest.intake.IssueIntake;
import cn.hexi.newsroom.ingest.intake.IssueUpload;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/issues}: one issue as a plain-text body, or any number of issue files as a multipart upload.
 * Answers 202 once the broker has acknowledged every accepted issue.
 */
@RestController
@RequestMapping("/api/issues")
public class IssueController {

    /** What a 202 lists; {@code rejected} holds a problem for each file of a multipart upload that was refused. */
    public record IngestResponse(List<AcceptedIssue> issues, List<ProblemDetail> rejected) {
    }

    private final IssueIntake intake;

    public IssueController(IssueIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ApiResponse(responseCode = "202", description = "The broker has the issue")
    // The one operation's description for both methods: springdoc keeps a single request body per path and method.
    @RequestBody(description = "One issue's text (UTF-8, UTF-16, GB18030 or Big5), or issue files, each in a file part of any name",
            required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object"))})
    public ResponseEntity<IngestResponse> ingestBody(HttpServletRequest request,
                                                     @RequestParam(required = false) String sourceName,
                                                     @RequestParam(required = false) String publication,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate,
                                                     @RequestParam(required = false) String issueNumber) throws IOException {
        byte[] bytes = intake.readLimited(request.getInputStream());
        AcceptedIssue accepted = intake.accept(new IssueUpload(bytes, sourceName, publication, issueDate, issueNumber));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IngestResponse(List.of(accepted), List.of()));
    }

    /**
     * Every file part is an issue. Valid files are published even when others are refused: the answer is 202
     * listing both; only when no file was accepted is it the (first) refusal's problem.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "202", description = "The broker has every accepted issue; refused files are listed")
    public ResponseEntity<IngestResponse> ingestFiles(MultipartHttpServletRequest request,
                                                      @RequestParam(required = false) String publication,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate,
                                                      @RequestParam(required = false) String issueNumber) throws IOException {
        List<MultipartFile> files = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
        if (files.isEmpty()) {
            throw new IssueRejectedException(RejectionReason.EMPTY, "the multipart upload has no file part");
        }
        List<IssueUpload> uploads = new ArrayList<>();
        List<IssueRejectedException> refusals = new ArrayList<>();
        for (MultipartFile file : files) {
            uploads.add(new IssueUpload(intake.readLimited(file.getInputStream()), file.getOriginalFilename(), publication, issueDate, issueNumber));
        }
        // One send for all the files: the broker acknowledges them together.
        List<AcceptedIssue> accepted = new ArrayList<>();
        for (IssueIntake.Outcome outcome : intake.acceptAll(uploads)) {
            if (outcome.refusal() != null) {
                refusals.add(new FileRejectedException(outcome.upload().sourceName(), outcome.refusal()));
            } else {
                accepted.add(outcome.accepted());
            }
        }
        if (accepted.isEmpty()) {
            throw refusals.get(0);
        }
        List<ProblemDetail> rejected = refusals.stream().map(IssueProblems::problemFor).toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IngestResponse(accepted, rejected));
    }

    /** A refusal that names the file of a multipart upload it concerns. */
    static final class FileRejectedException extends IssueRejectedException {
        private final String fileName;

        FileRejectedException(String fileName, IssueRejectedException cause) {
            super(cause.reason(), cause.getMessage());
            this.fileName = fileName;
        }

        String fileName() {
            return fileName;
        }
    }
}
