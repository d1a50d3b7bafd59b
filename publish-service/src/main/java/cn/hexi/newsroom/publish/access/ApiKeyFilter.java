package cn.hexi.newsroom.publish.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reading is open; every call that changes something (any method but GET, HEAD and OPTIONS), the webhook
 * subscriptions (their URLs are the subscribers' business) and the actuator beyond health, info and metrics need the
 * configured API key in {@code X-API-Key}. Refusals are RFC 9457 problems.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OPEN_ACTUATOR = Set.of("health", "info", "prometheus", "metrics");

    private final byte[] expected;

    public ApiKeyFilter(AccessProperties properties) {
        String key = properties.apiKey();
        this.expected = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!needsKey(request)) {
            chain.doFilter(request, response);
        } else if (expected == null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Write access is off",
                    "no API key is configured (newsroom.publish.access.api-key), so write and admin calls are refused");
        } else if (!matches(request.getHeader(HEADER))) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "API key required", "send the API key in " + HEADER);
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean needsKey(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!READ_METHODS.contains(request.getMethod())) {
            return true;
        }
        if (path.equals("/api/webhooks") || path.startsWith("/api/webhooks/")) {
            return true;
        }
        if (path.startsWith("/actuator/")) {
            String endpoint = path.substring("/actuator/".length()).split("/", 2)[0];
            return !OPEN_ACTUATOR.contains(endpoint);
        }
        return false;
    }

    private boolean matches(String key) {
        return key != null && MessageDigest.isEqual(expected, key.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Title and detail are this class's own constants: nothing from the request is echoed.
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
