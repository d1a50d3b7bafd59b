package cn.hexi.newsroom.ingest.http;

import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.spring.StageMetrics;
import cn.hexi.newsroom.events.intake.IssueRejectedException;
import cn.hexi.newsroom.events.intake.RejectionReason;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for every refusal, each with a stable {@code type} and a {@code reason} code. */
@RestControllerAdvice
public class IssueProblems extends ResponseEntityExceptionHandler {

    private static final String TYPE_PREFIX = "urn:hexi-newsroom:problem:";

    private final StageMetrics metrics;

    public IssueProblems(StageMetrics metrics) {
        this.metrics = metrics;
    }

    static ProblemDetail problemFor(IssueRejectedException e) {
        ProblemDetail problem = problem(e.reason().httpStatus(), e.reason().code(), e.reason().title(), e.getMessage());
        if (e instanceof IssueController.FileRejectedException file) {
            problem.setProperty("file", file.fileName());
        }
        return problem;
    }

    @ExceptionHandler(IssueRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(IssueRejectedException e) {
        ProblemDetail problem = problemFor(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The broker did not acknowledge: the issue may be sent again, nothing is lost. */
    @ExceptionHandler(EventPublisher.EventPublishException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(EventPublisher.EventPublishException e) {
        ProblemDetail problem = problem(503, "broker-unavailable", "The issue could not be stored in the pipeline; send it again",
                e.getMessage());
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Multipart uploads over the limit are stopped by the servlet container before our code reads them. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        metrics.rejected(RejectionReason.TOO_LARGE.code());
        RejectionReason reason = RejectionReason.TOO_LARGE;
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(problem(reason.httpStatus(), reason.code(), reason.title(), "the upload is over the size limit"));
    }

    private static ProblemDetail problem(int status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("reason", code);
        return problem;
    }
}
