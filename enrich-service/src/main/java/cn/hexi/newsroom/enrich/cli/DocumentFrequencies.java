package cn.hexi.newsroom.enrich.cli;

import cn.hexi.newsroom.enrich.ArticleEnricher;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.enrich.tags.KeywordExtractor;
import cn.hexi.newsroom.enrich.text.TextUnit;
import cn.hexi.newsroom.events.EventCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns the keyword document frequencies from an archive of parsed issues: reads parsed-issue documents, one JSON per
 * line, on standard input and prints {@code enrich/keyword-df.tsv}:
 * <pre>./pipeline parse seeds/*.txt | java -cp enrich-service/target/enrich-service.jar:... cn.hexi.newsroom.enrich.cli.DocumentFrequencies</pre>
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
        int[] documents = {0};
        new ParsedIssueLines(codec).read(System.in, issue -> issue.articles().forEach(article -> {
            Set<String> terms = new HashSet<>();
            for (TextUnit unit : enricher.analyse(article)) {
                unit.tokens().stream().filter(extractor::candidate).forEach(t -> terms.add(t.word()));
            }
            terms.forEach(t -> frequency.merge(t, 1, Integer::sum));
            documents[0]++;
        }), (line, reason) -> {
            throw new IllegalArgumentException("line " + line + " is not a parsed issue: " + reason);
        });
        System.out.println("# term\tdocument frequency, learned from " + documents[0] + " archived articles by DocumentFrequencies");
        System.out.println("@documents\t" + documents[0]);
        List<Map.Entry<String, Integer>> entries = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        entries.forEach(e -> System.out.println(e.getKey() + "\t" + e.getValue()));
    }
}
