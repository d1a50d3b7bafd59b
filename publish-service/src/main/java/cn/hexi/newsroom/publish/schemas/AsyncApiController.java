package cn.hexi.newsroom.publish.schemas;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AsyncAPI 3.0 document of every topic ({@code docs/asyncapi.yaml}, packaged by the build), for consumers' tooling;
 * its payload references are relative, to the schemas at {@code /schemas/} beside it.
 */
@RestController
public class AsyncApiController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] document;

    public AsyncApiController() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi/asyncapi.yaml is not packaged: build with Maven, which copies docs/asyncapi.yaml");
            }
            this.document = in.readAllBytes();
        }
    }

    @GetMapping("/asyncapi.yaml")
    @ApiResponse(responseCode = "200", description = "The AsyncAPI 3.0 document of every topic",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    public ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }
}
