package cn.hexi.newsroom.bench.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook subscriber: answers every delivery 204 and keeps, per article version, the delivery ids it received and
 * how often each id came (a delivery sent again after a crash keeps its id, which is how a subscriber drops it).
 */
final class WebhookReceiver implements AutoCloseable {

    /** The Standard Webhooks message id: the same on every attempt of one delivery. */
    static final String DELIVERY_HEADER = "webhook-id";
    private static final Pattern ARTICLE = Pattern.compile("\"articleId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private final HttpServer server;
    private final Map<String, Set<String>> deliveryIdsByVersion = new ConcurrentHashMap<>();
    private final Map<String, Integer> arrivalsById = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(DELIVERY_HEADER);
            Matcher article = ARTICLE.matcher(body);
            Matcher version = VERSION.matcher(body);
            if (id != null && article.find() && version.find()) {
                arrivalsById.merge(id, 1, Integer::sum);
                deliveryIdsByVersion.computeIfAbsent(article.group(1) + "@" + version.group(1), k -> ConcurrentHashMap.newKeySet()).add(id);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The distinct delivery ids received per {@code articleId@version}. */
    Map<String, Set<String>> deliveryIdsByVersion() {
        return Map.copyOf(deliveryIdsByVersion);
    }

    /** Deliveries that arrived again under an id already received. */
    int repeatedArrivals() {
        return arrivalsById.values().stream().mapToInt(n -> n - 1).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
