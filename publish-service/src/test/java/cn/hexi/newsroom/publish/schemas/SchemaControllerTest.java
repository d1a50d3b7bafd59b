package cn.hexi.newsroom.publish.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.publish.PublishServiceTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every event's {@code ce_dataschema} can be fetched from the publish service, with the schemas it refers to. */
@PublishServiceTest
class SchemaControllerTest {

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSchemaEachDataSchemaNamesIsServedAsShippedWithItsIdTheAddressItIsServedAt() throws Exception {
        for (EventType type : EventType.values()) {
            String name = type.dataSchema().substring(EventType.DATA_SCHEMA_PREFIX.length());
            URI address = URI.create("http://localhost:" + port + "/schemas/" + name);
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(served.statusCode()).as(name).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/schema+json"));
            try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
                String expected = new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\"classpath:schemas/" + name + "\"", "\"" + address + "\"");
                assertThat(served.body()).as(name).isEqualTo(expected);
            }
            // A consumer's validator resolves each reference against the $id: every one must answer from here.
            Matcher ref = Pattern.compile("\"\\$ref\": \"([^\"#]+)[^\"]*\"").matcher(served.body());
            while (ref.find()) {
                URI referenced = address.resolve(ref.group(1));
                assertThat(http.send(HttpRequest.newBuilder(referenced).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                        .as(name + " refers to " + referenced).isEqualTo(200);
            }
        }
    }

    @Test
    void theAsyncApiDocumentIsServedAsItIsInTheRepository() throws Exception {
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/asyncapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(Files.readAllBytes(Path.of("../docs/asyncapi.yaml")));
    }

    @Test
    void theListNamesEverySchemaAndAnUnknownNameIsAProblem() throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/schemas")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/schemas/nope.v1.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(list.body()).contains("\"common.v1.json\"", "\"article-published.v1.json\"", "\"raw-issue.v1.json\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
