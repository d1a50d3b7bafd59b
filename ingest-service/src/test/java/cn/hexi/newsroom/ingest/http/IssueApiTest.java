package cn.hexi.newsroom.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.OnEmbeddedBroker;
import cn.hexi.newsroom.events.testing.OpenApiContract;
import cn.hexi.newsroom.events.testing.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnEmbeddedBroker
class IssueApiTest {

    private static final Path SEED = Path.of("../seeds/000_03507c266253f217.txt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiContract contract;

    @Test
    void openApiDescriptionDocumentsBothUploadFormsTheAnswerAndTheProblems() throws Exception {
        JsonNode operation = contract().document().at("/paths/~1api~1issues/post");
        assertThat(contract().document().get("openapi").asString()).startsWith("3.1");
        assertThat(operation.at("/requestBody/content").propertyNames()).contains("text/plain", "application/octet-stream", "multipart/form-data");
        assertThat(operation.at("/responses").propertyNames()).contains("202", "4XX", "5XX");
        // A wrong media type is refused by Spring MVC itself: its problem, too, is as documented.
        assertThat(post("/api/issues", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
    }

    @Test
    void plainTextIssueIsAcknowledgedAfterTheBrokerHasItAndCarriesCloudEventsHeaders() throws Exception {
        String text = Files.readString(SEED) + "\n" + UUID.randomUUID();
        HttpResponse<String> response = post("/api/issues?publication=河西报&issueDate=2023-09-20&issueNumber=1234".replace("河西报", "%E6%B2%B3%E8%A5%BF%E6%8A%A5"),
                "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(202);
        String issueId = JSON.readTree(response.body()).at("/issues/0/issueId").asString();
        assertThat(issueId).matches("[0-9a-f]{16}");

        RawIssue published = EventAssertions.assertConforms(EventType.RAW_ISSUE, recordFor(issueId), RawIssue.class);
        assertThat(published.text()).isEqualTo(text);
        assertThat(published.metadata().publication()).isEqualTo("河西报");
        assertThat(published.metadata().issueDate()).isEqualTo(LocalDate.of(2023, 9, 20));
        assertThat(published.metadata().issueNumber()).isEqualTo("1234");
        assertThat(published.metadata().receivedAt()).isNotNull();
    }

    @Test
    void gb18030FileGetsTheSameIssueIdAsItsUtf8Twin() throws Exception {
        String text = Files.readString(SEED) + "\n" + UUID.randomUUID();
        String utf8Id = issueIdOf(post("/api/issues", "text/plain", text.getBytes(StandardCharsets.UTF_8)));
        String gbId = issueIdOf(postFiles(Map.of("issue-gb.txt", text.replace("\n", "\r\n").getBytes(Charset.forName("GB18030")))));
        assertThat(gbId).isEqualTo(utf8Id);
    }

    @Test
    void emptyBinaryAndOversizedUploadsGetProblemDetailsAndNothingIsPublished() throws Exception {
        int before = allRawRecords().size();
        byte[] png = Files.readAllBytes(writePng());
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        Arrays.fill(sixMegabytes, (byte) 'a');

        assertProblem(post("/api/issues", "text/plain", new byte[0]), 400, "empty");
        assertProblem(post("/api/issues", "text/plain", png), 415, "binary");
        assertProblem(postFiles(Map.of("logo.png", png)), 415, "binary");
        assertProblem(post("/api/issues", "text/plain", sixMegabytes), 413, "too-large");
        assertProblem(postFiles(Map.of("huge.txt", sixMegabytes)), 413, "too-large");

        assertThat(allRawRecords()).hasSize(before);
    }

    @Test
    void multipartUploadPublishesTheValidFilesAndReportsTheRefusedOnes() throws Exception {
        String text = "河西区召开会议\n\n■ 通讯员 万彤\n\n会议指出,要抓好落实。" + UUID.randomUUID();
        HttpResponse<String> response = postFiles(Map.of("good.txt", text.getBytes(StandardCharsets.UTF_8), "empty.txt", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/issues").size()).isEqualTo(1);
        assertThat(body.at("/issues/0/sourceName").asString()).isEqualTo("good.txt");
        assertThat(body.at("/rejected/0/reason").asString()).isEqualTo("empty");
        assertThat(body.at("/rejected/0/file").asString()).isEqualTo("empty.txt");
        RawIssue published = new EventCodec().read(recordFor(body.at("/issues/0/issueId").asString()).value(), RawIssue.class);
        assertThat(published.text()).isEqualTo(text);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/reason").asString()).isEqualTo(reason);
        assertThat(problem.at("/type").asString()).isEqualTo("urn:hexi-newsroom:problem:" + reason);
        assertThat(problem.at("/status").asInt()).isEqualTo(status);
        assertThat(problem.at("/detail").asString()).isNotBlank();
    }

    private ConsumerRecord<String, byte[]> recordFor(String issueId) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.topic())) {
            List<ConsumerRecord<String, byte[]>> records = probe.drain(Duration.ofSeconds(2));
            return records.stream().filter(r -> r.key().equals(issueId)).findFirst().orElseThrow();
        }
    }

    private List<ConsumerRecord<String, byte[]>> allRawRecords() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, EventType.RAW_ISSUE.topic())) {
            return probe.drain(Duration.ofSeconds(2));
        }
    }

    private static String issueIdOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).at("/issues/0/issueId").asString();
    }

    /** Every answer of every test here, problems included, is checked against the service's OpenAPI description. */
    private HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        contract().assertConforms("POST", "/api/issues", response);
        return response;
    }

    private OpenApiContract contract() throws IOException, InterruptedException {
        if (contract == null) {
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            contract = new OpenApiContract(docs.body());
        }
        return contract;
    }

    private HttpResponse<String> postFiles(Map<String, byte[]> files) throws IOException, InterruptedException {
        String boundary = "----newsroom" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("/api/issues", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static Path writePng() throws IOException {
        Path png = Files.createTempFile("logo", ".png");
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        return png;
    }
}
