package cn.hexi.newsroom.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forms of a guarded path an attacker tries to get past an access check that matches the raw request URI: path
 * parameters, a trailing or doubled slash, a percent-encoded letter, a dot segment, upper case. SECURITY.md lists them.
 */
final class PathVariants {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private PathVariants() {
    }

    /** {@code /api/webhooks} as {@code /api/webhooks;x=1}, {@code /api/webhooks;}, {@code /api/webhooks/}, ... */
    static List<String> of(String path) {
        int last = path.lastIndexOf('/') + 1;
        String encodedFirstLetter = path.substring(0, last) + String.format("%%%02X", (int) path.charAt(last)) + path.substring(last + 1);
        return List.of(path + ";x=1", path + ";", path + "/", "/" + path, path.replaceFirst("/", "//"), encodedFirstLetter,
                path + "/.", path.toUpperCase(Locale.ROOT), path.substring(0, last) + "./" + path.substring(last));
    }

    /** The status of each variant of {@code path}, sent with {@code method} and no key. */
    static Map<String, Integer> statusesWithoutKey(URI base, String method, String path, String body) throws Exception {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String variant : of(path)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + variant))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            statuses.put(method + " " + variant, HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }
}
