package cn.hexi.newsroom.publish.webhook;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
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
 * Webhook subscriptions, all behind the admin key (the access policy in {@code pipeline-events}). A subscription's secret
 * is shown once, in the answer to its creation or rotation, and never listed; it signs every delivery. A target that
 * resolves inside a private network is refused ({@link TargetAddresses}).
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

    /** A rotation's request: the new secret, made up when absent. */
    public record RotationRequest(String secret) {
    }

    /** The answer to a rotation: the new secret, shown this once, and until when the previous one still signs. */
    public record RotatedSecret(String subscriptionId, String secret, Instant previousSecretValidUntil) {
    }

    private final WebhookStore store;
    private final Clock clock;
    private final TargetAddresses targets;
    private final WebhookProperties properties;

    public WebhookController(WebhookStore store, Clock clock, TargetAddresses targets, WebhookProperties properties) {
        this.store = store;
        this.clock = clock;
        this.targets = targets;
        this.properties = properties;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Subscribed; the secret is shown this once")
    public ResponseEntity<CreatedSubscription> create(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
        URI url = acceptableUrl(request.url(), http);
        targets.refusal(url).ifPresent(reason -> {
            throw problem(HttpStatus.BAD_REQUEST, "Webhook target refused", reason);
        });
        String secret = chosenOrNew(request.secret());
        Subscription created = store.create(url.toString(), secret, orEmpty(request.tags()), orEmpty(request.placeCodes()),
                orEmpty(request.sections()), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedSubscription(created, secret));
    }

    @GetMapping
    public List<Subscription> list() {
        return store.subscriptions();
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Unsubscribed", content = @Content)
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!store.delete(id)) {
            throw problem(HttpStatus.NOT_FOUND, "Subscription not found", "no subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Rotates the secret: deliveries are signed with the new and the previous one for the overlap
     * ({@code newsroom.publish.webhooks.rotation-overlap}), then with the new one only.
     */
    @PostMapping("/{id}/rotate-secret")
    public RotatedSecret rotateSecret(@PathVariable String id, @RequestBody(required = false) RotationRequest request) {
        String secret = chosenOrNew(request == null ? null : request.secret());
        Instant previousUntil = clock.instant().plus(properties.rotationOverlap());
        if (!store.rotateSecret(id, secret, previousUntil)) {
            throw problem(HttpStatus.NOT_FOUND, "Subscription not found", "no subscription " + id);
        }
        return new RotatedSecret(id, secret, previousUntil);
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

    /** A subscriber's own secret when it has the standard's form, else a new one. */
    private static String chosenOrNew(String secret) {
        if (secret == null || secret.isBlank()) {
            return Signatures.newSecret();
        }
        if (!Signatures.wellFormed(secret)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid webhook secret", "a secret is whsec_ followed by 24 to 64 bytes in base64");
        }
        return secret;
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
