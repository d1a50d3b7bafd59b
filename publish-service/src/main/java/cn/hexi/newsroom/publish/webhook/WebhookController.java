package cn.hexi.newsroom.publish.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions, all behind the API key ({@link cn.hexi.newsroom.publish.access.ApiKeyFilter}). A subscription's
 * secret is shown once, in the answer to its creation; it signs every delivery.
 */
@RestController
@RequestMapping("/api/webhooks")
public class WebhookController {

    /** What a subscriber asks for; the secret is generated when absent. */
    public record SubscriptionRequest(String url, String secret, List<String> tags, List<String> placeCodes, List<String> sections) {
    }

    /** The answer to a creation: the only time the secret is returned. */
    public record CreatedSubscription(Subscription subscription, String secret) {
    }

    private final WebhookStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookController(WebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<CreatedSubscription> create(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
        URI url = acceptableUrl(request.url(), http);
        String secret = request.secret() == null || request.secret().isBlank() ? generateSecret() : request.secret();
        Subscription created = store.create(url.toString(), secret, orEmpty(request.tags()), orEmpty(request.placeCodes()),
                orEmpty(request.sections()), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedSubscription(created, secret));
    }

    @GetMapping
    public List<Subscription> list() {
        return store.subscriptions();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!store.delete(id)) {
            throw problem(HttpStatus.NOT_FOUND, "Subscription not found", "no subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Resumes a subscription paused after repeated failures; its waiting deliveries go out again. */
    @PostMapping("/{id}/resume")
    public Subscription resume(@PathVariable String id) {
        if (!store.resume(id)) {
            throw problem(HttpStatus.NOT_FOUND, "Subscription not found", "no subscription " + id);
        }
        return store.subscription(id).orElseThrow();
    }

    /** Only http(s) URLs with a host, and never this service itself (a delivery loop). */
    private static URI acceptableUrl(String url, HttpServletRequest http) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid webhook URL", "not a URL: " + url);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid webhook URL", "a webhook URL must be an http or https URL with a host: " + url);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        if (port == http.getLocalPort() && pointsAtThisMachine(uri.getHost(), http)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid webhook URL", "a webhook must not point at this service");
        }
        return uri;
    }

    private static boolean pointsAtThisMachine(String host, HttpServletRequest http) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.getHostAddress().equals(http.getLocalAddr());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String generateSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
