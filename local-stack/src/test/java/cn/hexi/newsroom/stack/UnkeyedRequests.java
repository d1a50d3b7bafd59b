package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.events.testing.PathVariants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends every {@link PathVariants variant} of a guarded path, without a key. */
final class UnkeyedRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private UnkeyedRequests() {
    }

    /** The status of each variant of {@code path}, sent with {@code method} and no key. */
    static Map<String, Integer> statusesWithoutKey(URI base, String method, String path, String body) throws Exception {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String variant : PathVariants.of(path)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + variant))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            statuses.put(method + " " + variant, HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }
}
