package cn.hexi.newsroom.enrich;

import cn.hexi.newsroom.enrich.dates.DateFinder;
import cn.hexi.newsroom.enrich.entities.OrganisationFinder;
import cn.hexi.newsroom.enrich.entities.PeopleFinder;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.enrich.geo.PlaceFinder;
import cn.hexi.newsroom.enrich.nlp.ChineseAnalyzer;
import cn.hexi.newsroom.enrich.nlp.Token;
import cn.hexi.newsroom.enrich.summary.Summariser;
import cn.hexi.newsroom.enrich.tags.KeywordExtractor;
import cn.hexi.newsroom.enrich.tags.TopicTagger;
import cn.hexi.newsroom.enrich.text.AnalysisText;
import cn.hexi.newsroom.enrich.text.Coverage;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.PaperHome;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adds what can be found in an article's text: places, topics, keywords, people, organisations, dates and a summary.
 * Analysis runs on a normalised copy of the text (simplified characters, full-width punctuation) whose offsets equal
 * the published text's, so every mention points into the article as published. Plain Java; thread-safe.
 */
public final class ArticleEnricher {

    public static final String NAME = "hanlp-portable-1.8.6+gazetteer-nbs2023";

    private final PlaceFinder places;
    private final ChineseAnalyzer analyzer;
    private final TopicTagger tagger = new TopicTagger();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final PeopleFinder people = new PeopleFinder();
    private final OrganisationFinder organisations = new OrganisationFinder();
    private final DateFinder dates = new DateFinder();
    private final Summariser summariser = new Summariser();

    /** For the Hexi District paper ({@link PaperHome#STANDARD}). */
    public ArticleEnricher(Gazetteer gazetteer) {
        this(gazetteer, PaperHome.STANDARD);
    }

    /** @param home the paper's home, whose district wins where names repeat across districts */
    public ArticleEnricher(Gazetteer gazetteer, PaperHome home) {
        this.places = new PlaceFinder(gazetteer, home);
        this.analyzer = new ChineseAnalyzer(places.localNames());
    }

    /** The title lines and body items of an article, analysed: the unit of every finder. */
    public List<TextUnit> analyse(ParsedArticle article) {
        List<TextUnit> units = new ArrayList<>();
        String title = article.headline() == null && article.kicker() == null && article.subheadline() == null ? null
                : String.join(" ", nonNull(article.kicker(), article.headline(), article.subheadline()));
        if (title != null) {
            units.add(unit(-1, title));
        }
        List<BodyItem> body = article.body();
        for (int i = 0; i < body.size(); i++) {
            units.add(unit(i, body.get(i).text()));
        }
        return units;
    }

    private TextUnit unit(int index, String published) {
        String analysis = AnalysisText.of(published);
        return new TextUnit(index, published, analysis, analyzer.tokens(analysis));
    }

    /**
     * @param version orders enrichments of the same article: a re-enrichment must carry a larger one
     */
    public EnrichedArticle enrich(ParsedArticle article, long version, Instant now) {
        List<TextUnit> units = analyse(article);
        List<Place> found = places.find(units);
        Coverage placeMentions = Coverage.of(found.stream().flatMap(p -> p.mentions().stream()).toList());
        String title = units.stream().filter(u -> u.index() < 0).map(TextUnit::analysis).collect(Collectors.joining());
        String body = units.stream().filter(u -> u.index() >= 0).map(TextUnit::analysis).collect(Collectors.joining("\n"));
        List<Token> allTokens = units.stream().flatMap(u -> u.tokens().stream()).toList();
        LocalDate issueDate = article.issue() == null ? null : article.issue().issueDate();
        List<TextUnit> paragraphs = units.stream()
                .filter(u -> u.index() >= 0 && article.body().get(u.index()).type().equals(BodyItem.PARAGRAPH)).toList();

        return new EnrichedArticle(article, new Enrichment(version, NAME, now,
                found,
                tagger.tag(title, body),
                keywords.keywords(allTokens),
                people.find(units, article.bylines(), article.photographers(), placeMentions),
                organisations.find(units, placeMentions),
                dates.find(units, issueDate),
                summariser.summarise(paragraphs)));
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
