package cn.hexi.newsroom.enrich.tags;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.enrich.geo.Gazetteer;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.ParsedArticle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Learns the keyword document frequencies from an archive of parsed issues: reads parsed-issue documents, one JSON per
 * line, on standard input and prints {@code enrich/keyword-df.tsv}:
 * <pre>./pipeline parse seeds/*.txt | java -cp enrich-service/target/enrich-service.jar:... cn.hexi.newsroom.enrich.tags.DocumentFrequencies</pre>
 * (or {@code ./pipeline learn-keywords DIR}).
 */
public final class DocumentFrequencies {

    private DocumentFrequencies() {
    }

    public static void main(String[] args) throws Exception {
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.standard());
        KeywordExtractor extractor = new KeywordExtractor();
        EventCodec codec = new EventCodec();
        Map<String, Integer> frequency = new TreeMap<>();
        int documents = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            for (JsonNode node : codec.mapper().readTree(line).get("articles")) {
                ParsedArticle article = codec.read(codec.mapper().writeValueAsBytes(node), ParsedArticle.class);
                Set<String> terms = new HashSet<>();
                for (TextUnit unit : enricher.analyse(article)) {
                    unit.tokens().stream().filter(extractor::candidate).forEach(t -> terms.add(t.word()));
                }
                terms.forEach(t -> frequency.merge(t, 1, Integer::sum));
                documents++;
            }
        }
        System.out.println("# term\tdocument frequency, learned from " + documents + " archived articles by DocumentFrequencies");
        System.out.println("@documents\t" + documents);
        List<Map.Entry<String, Integer>> entries = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        entries.forEach(e -> System.out.println(e.getKey() + "\t" + e.getValue()));
    }
}
