package cn.hexi.newsroom.publish.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/asyncapi.yaml} cannot drift from the code: its channels are exactly the topics of {@link EventType} and the
 * dead-letter topics of the stages that read them, each message names its CloudEvents type and shipped schema, and
 * each receive operation names the consumer group the services' configuration gives that topic.
 */
class AsyncApiDocumentTest {

    private static final Path REPO = Path.of("..");
    private static final Pattern BINDING = Pattern.compile("destination: \\$\\{newsroom\\.topics\\.([a-z-]+)}\\s+group: ([a-z-]+)");

    @Test
    void theChannelsAreExactlyTheTopicsAndTheDeadLetterTopicsOfTheirReaders() throws IOException {
        Map<String, Object> document = document();
        Map<EventType, String> readers = readers();
        Set<String> expected = new HashSet<>();
        for (EventType type : EventType.values()) {
            expected.add(type.topic());
            if (readers.containsKey(type)) {
                expected.add(type.deadLetterTopic(readers.get(type).replace("-service", "")));
            }
        }

        Set<String> addresses = new HashSet<>();
        map(document, "channels").values().forEach(channel -> addresses.add((String) ((Map<?, ?>) channel).get("address")));

        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachMessageNamesItsTypeSchemaAndDataSchemaAndEachReaderItsGroup() throws IOException {
        Map<String, Object> document = document();
        Map<String, Object> messages = map(map(document, "components"), "messages");
        Map<EventType, String> readers = readers();
        for (EventType type : EventType.values()) {
            Map<String, Object> message = messageOf(document, type);
            Map<String, Object> headers = map(map(message, "headers"), "properties");

            assertThat(messages).containsValue(message);
            assertThat(message.get("name")).as(type.name()).isEqualTo(type.cloudEventType());
            assertThat(map(map(message, "payload"), "schema").get("$ref")).as(type.name()).isEqualTo("schemas/" + type.schemaFile());
            assertThat(map(headers, "ce_dataschema").get("const")).as(type.name()).isEqualTo(type.dataSchema());
            assertThat(map(headers, "ce_type").get("const")).as(type.name()).isEqualTo(type.cloudEventType());
            assertThat(receivingGroups(document, type)).as(type.name())
                    .isEqualTo(readers.containsKey(type) ? List.of(readers.get(type)) : List.of());
        }
    }

    /** The consumer group of each topic a service binds, from the services' own configuration. */
    private static Map<EventType, String> readers() throws IOException {
        Map<EventType, String> readers = new HashMap<>();
        for (String service : List.of("ingest-service", "parse-service", "enrich-service", "publish-service")) {
            Matcher m = BINDING.matcher(Files.readString(REPO.resolve(service).resolve("src/main/resources/application.yml")));
            while (m.find()) {
                readers.put(EventType.valueOf(m.group(1).toUpperCase(Locale.ROOT).replace('-', '_')), m.group(2));
            }
        }
        return readers;
    }

    private static Map<String, Object> messageOf(Map<String, Object> document, EventType type) {
        for (Object channel : map(document, "channels").values()) {
            Map<?, ?> c = (Map<?, ?>) channel;
            if (type.topic().equals(c.get("address"))) {
                String ref = (String) ((Map<?, ?>) ((Map<?, ?>) c.get("messages")).values().iterator().next()).get("$ref");
                return map(map(map(document, "components"), "messages"), ref.substring(ref.lastIndexOf('/') + 1));
            }
        }
        throw new AssertionError("no channel for " + type.topic());
    }

    private static List<String> receivingGroups(Map<String, Object> document, EventType type) {
        String channelRef = null;
        for (Map.Entry<String, Object> channel : map(document, "channels").entrySet()) {
            if (type.topic().equals(((Map<?, ?>) channel.getValue()).get("address"))) {
                channelRef = "#/channels/" + channel.getKey();
            }
        }
        String wanted = channelRef;
        return map(document, "operations").values().stream().map(o -> (Map<?, ?>) o)
                .filter(o -> "receive".equals(o.get("action")) && wanted.equals(((Map<?, ?>) o.get("channel")).get("$ref")))
                .map(o -> (String) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) o.get("bindings")).get("kafka")).get("groupId")).get("enum")).get(0))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> document() throws IOException {
        return new Yaml().load(Files.readString(REPO.resolve("docs/asyncapi.yaml")));
    }
}
