package cn.hexi.newsroom.enrich;

import cn.hexi.newsroom.enrich.geo.Gazetteer;
import cn.hexi.newsroom.enrich.geo.PlaceMatcher;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.ParsedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Adds what can be found in an article's text. Plain Java; one instance is safe to share between threads. */
public final class ArticleEnricher {

    public static final String NAME = "gazetteer-dictionary";
    /** Hexi District: the paper's home, which wins where names repeat across districts. */
    public static final String HOME_DISTRICT = "120103";

    private final PlaceMatcher places;

    public ArticleEnricher(Gazetteer gazetteer) {
        this.places = new PlaceMatcher(gazetteer, HOME_DISTRICT);
    }

    /**
     * @param version orders enrichments of the same article: a re-enrichment must carry a larger one
     */
    public EnrichedArticle enrich(ParsedArticle article, long version, Instant now) {
        List<String> texts = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        String title = String.join(" ", nonNull(article.kicker(), article.headline(), article.subheadline()));
        if (!title.isBlank()) {
            texts.add(title);
            indexes.add(-1);
        }
        List<BodyItem> body = article.body();
        for (int i = 0; i < body.size(); i++) {
            texts.add(body.get(i).text());
            indexes.add(i);
        }
        return new EnrichedArticle(article, new Enrichment(version, NAME, now, places.places(texts, indexes)));
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
