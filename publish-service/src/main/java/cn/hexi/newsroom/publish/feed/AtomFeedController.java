package cn.hexi.newsroom.publish.feed;

import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.publish.api.ArticleFilters;
import cn.hexi.newsroom.publish.api.ArticleReader;
import cn.hexi.newsroom.publish.api.ArticleReader.ArticleView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /feeds/articles.atom}: the newest articles as an Atom 1.0 feed (RFC 4287), with the article API's filters. */
@RestController
public class AtomFeedController {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 50;

    private final ArticleReader articles;

    public AtomFeedController(ArticleReader articles) {
        this.articles = articles;
    }

    @GetMapping(path = "/feeds/articles.atom", produces = "application/atom+xml;charset=UTF-8")
    public ResponseEntity<String> feed(ArticleFilters filters, HttpServletRequest request) throws XMLStreamException {
        List<ArticleView> items = articles.search(filters, null, ENTRIES).items();
        String self = ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", "urn:hexi-newsroom:feed:" + (request.getQueryString() == null ? "articles" : "articles?" + request.getQueryString()));
        element(xml, "title", "河西报 · articles");
        element(xml, "updated", timestamp(items.isEmpty() ? Instant.EPOCH : items.get(0).publishedAt()));
        link(xml, "self", self);
        link(xml, "alternate", base + "/");
        xml.writeStartElement("author");
        element(xml, "name", "河西报");
        xml.writeEndElement();
        for (ArticleView item : items) {
            entry(xml, item, base);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        return ResponseEntity.ok().header("Content-Type", "application/atom+xml;charset=UTF-8").body(out.toString());
    }

    private static void entry(XMLStreamWriter xml, ArticleView item, String base) throws XMLStreamException {
        ParsedArticle a = item.article();
        xml.writeStartElement("entry");
        element(xml, "id", "urn:hexi-newsroom:article:" + item.articleId());
        element(xml, "title", a.headline() != null ? a.headline() : a.body().isEmpty() ? item.articleId() : a.body().get(0).text());
        element(xml, "updated", timestamp(item.publishedAt()));
        link(xml, "alternate", base + item.url());
        for (Byline byline : a.bylines()) {
            xml.writeStartElement("author");
            element(xml, "name", byline.name());
            xml.writeEndElement();
        }
        for (var tag : item.enrichment().tags()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", tag.name());
        }
        if (item.enrichment().summary() != null) {
            element(xml, "summary", item.enrichment().summary());
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(a.body().stream().map(b -> b.text()).collect(Collectors.joining("\n\n")));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
