package cn.hexi.newsroom.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Posts issue files to the ingest service's {@code POST /api/issues} as one multipart upload, with the key it needs. */
public final class IssueUploader {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String apiKey;

    /** @param apiKey the ingest or the admin key, sent as {@code X-API-Key} */
    public IssueUploader(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    /** The ingest service's answer: 202 with the issue ids, or a problem. */
    public HttpResponse<String> upload(List<Path> files) throws IOException, InterruptedException {
        String boundary = "newsroom-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
