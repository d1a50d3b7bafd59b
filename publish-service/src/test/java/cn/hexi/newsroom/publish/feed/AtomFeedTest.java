package cn.hexi.newsroom.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.spring.EventPublisher;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.publish.PublishServiceTest;
import cn.hexi.newsroom.publish.PublishTestSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

@PublishServiceTest
class AtomFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void feedFollowsAtomOnePointZeroAndCarriesArticleTextAsTextNeverMarkup() throws Exception {
        EnrichedArticle hostile = PublishTestSupport.article(RawRecords.randomIssueId(), "<script>alert('x')</script> 标题", "食品安全");
        publisher.publish(EventType.ARTICLE_ENRICHED, hostile.article().articleId(), hostile.article().issueId(), hostile);
        String query = "?tag=" + URLEncoder.encode("食品安全", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/feeds/articles.atom" + query).body().contains(hostile.article().articleId()));

        HttpResponse<String> response = get("/feeds/articles.atom" + query);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        assertThat(response.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));

        // RFC 4287: the feed has exactly one id, title and updated, an author, and a self link.
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeedController.ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(feed, required)).as(required).hasSize(1);
        }
        assertThat(children(feed, "author")).isNotEmpty();
        assertThat(children(feed, "link")).anyMatch(l -> l.getAttribute("rel").equals("self"));
        Instant.parse(children(feed, "updated").get(0).getTextContent());
        // Every entry: exactly one id, title and updated, an alternate link.
        List<Element> entries = children(feed, "entry");
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as(required).hasSize(1);
            }
            Instant.parse(children(entry, "updated").get(0).getTextContent());
            assertThat(children(entry, "link")).anyMatch(l -> l.getAttribute("rel").equals("alternate"));
        });
        assertThat(entries).anySatisfy(entry -> assertThat(children(entry, "title").get(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> 标题"));
        assertThat(entries).allSatisfy(entry -> assertThat(children(entry, "category")).anyMatch(c -> c.getAttribute("term").equals("食品安全")));

        // The article API binds the same filters: dates bound the news date, a bad date is a 400 problem.
        String id = hostile.article().articleId();
        assertThat(get("/api/articles" + query + "&from=2000-01-01&to=2100-12-31").body()).contains(id);
        assertThat(get("/api/articles" + query + "&from=2100-01-01").body()).doesNotContain(id);
        HttpResponse<String> badDate = get("/api/articles?from=not-a-date");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && AtomFeedController.ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
