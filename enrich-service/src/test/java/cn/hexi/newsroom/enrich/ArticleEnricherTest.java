package cn.hexi.newsroom.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.gazetteer.Gazetteer;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.Mention;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.parse.IssueParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    static ArticleEnricher enricher;

    @BeforeAll
    static void load() {
        enricher = new ArticleEnricher(Gazetteer.standard());
    }

    private static ParsedArticle article(LocalDate issueDate, String headline, String... paragraphs) {
        IssueMetadata issue = new IssueMetadata(null, issueDate, null, "test.txt", Instant.now());
        List<BodyItem> body = Stream.of(paragraphs).map(p -> new BodyItem(BodyItem.PARAGRAPH, p, List.of(new Span(0, p.length())))).toList();
        return new ParsedArticle("0123456789abcdef", "0123456789abcdef-001", 1, issue, ArticleKind.NEWS, null, null, headline, null, null,
                List.of(new Byline("correspondent", "万彤")), List.of(), body, List.of(), Map.of());
    }

    private static Enrichment enrich(ParsedArticle article) {
        return enricher.enrich(article, 7, Instant.parse("2026-11-23T08:00:00Z")).enrichment();
    }

    @Test
    void communityResolvesToItsStreetDistrictAndCityWithCoordinatesAndTheFocusIsTheMostSpecificPlace() {
        Enrichment found = enrich(article(null, "社区开展活动", "东海街道桂江里社区开展国防教育活动,居民踊跃参加。"));

        Place community = found.places().stream().filter(p -> p.type().equals("community")).findFirst().orElseThrow();
        assertThat(community.name()).isEqualTo("桂江里社区");
        assertThat(community.code()).startsWith("120103012");
        assertThat(community.parentCodes()).containsExactly("120103012", "120103", "120000");
        assertThat(community.coordinates()).isNotNull();
        assertThat(community.coordinates().datum()).isEqualTo("WGS84");
        assertThat(community.focus()).isTrue();
        assertThat(found.places()).filteredOn(Place::focus).hasSize(1);
        assertThat(found.places()).extracting(Place::name).contains("东海街道");
    }

    @Test
    void aCommunityWrittenWithoutItsSuffixCountsWhereTheContextSaysItIsTheCommunity() {
        assertThat(communities("东海街道龙江里开展国防教育活动。")).as("after its street").containsExactly("龙江里社区");
        assertThat(communities("松江里小区居民参加了活动。")).as("before a word of residence").containsExactly("松江里社区");
        assertThat(communities("粤江里、川江里社区的居民参加了活动。")).as("listed with a community").containsExactlyInAnyOrder("粤江里社区", "川江里社区");
        assertThat(communities("在先进里、四化里等点位补建路灯。")).as("listed with another bare one").containsExactlyInAnyOrder("先进里社区", "四化里社区");
        assertThat(communities("天塔街道龙江里开展活动。")).as("after another street").isEmpty();
        assertThat(communities("他讲述了龙江里的故事。")).as("no context").isEmpty();
    }

    private static List<String> communities(String paragraph) {
        return enrich(article(null, null, paragraph)).places().stream().filter(p -> p.type().equals("community")).map(Place::name).toList();
    }

    @Test
    void traditionalCharactersAreAnalysedAsSimplifiedButMentionsPointIntoThePublishedText() {
        String text = "近日,河西區科協舉辦科普活動,天塔街富源里社區居民參加。";
        Enrichment found = enrich(article(null, null, text));

        Place district = found.places().stream().filter(p -> p.name().equals("河西区")).findFirst().orElseThrow();
        Mention mention = district.mentions().get(0);
        assertThat(text.substring(mention.start(), mention.end())).isEqualTo("河西區");
        assertThat(mention.text()).isEqualTo("河西區");
        assertThat(found.places()).extracting(Place::name).contains("天塔街道", "富源里社区");
    }

    @Test
    void datesAreIsoWithTheIssueYearOrElseTheYearTheArticleStates() {
        assertThat(enrich(article(LocalDate.of(2023, 9, 20), null, "9月16日,活动举行。")).dates())
                .extracting(Enrichment.DateMention::date).containsExactly("2023-09-16");
        assertThat(enrich(article(null, null, "河西区2024年活动于4月10日举行,持续至2024年5月。")).dates())
                .extracting(Enrichment.DateMention::date).containsExactly("2024", "2024-04-10", "2024-05");
        assertThat(enrich(article(null, null, "9月19日,活动举行。")).dates()).singleElement()
                .satisfies(d -> assertThat(d.date()).isNull());
    }

    @Test
    void peopleCarryTheirStatedRolesAndTheBylineReporter() {
        Enrichment found = enrich(article(null, null, "市委书记陈敏尔多次提出要求。天津大学教授王洪成介绍了理念,宣讲员向居民讲解,200余人参加。"));
        assertThat(found.people()).extracting(p -> p.name() + "/" + p.role())
                .containsExactly("陈敏尔/市委书记", "王洪成/天津大学教授", "万彤/reporter");
    }

    @Test
    void organisationsByTheirEndingsAndNotCountsOrGenericReferences() {
        Enrichment found = enrich(article(null, null, "河西区国防动员办公室、区市场监管局和天津大学联合举办400余场活动,社区党委积极参与。"));
        assertThat(found.organisations()).extracting(Enrichment.Organisation::name)
                .containsExactlyInAnyOrder("河西区国防动员办公室", "区市场监管局", "天津大学");
    }

    @Test
    void organisationNamesKeepTheirPlaceBrandOrdinalAndEndingAcrossHanLpsWordBreaks() {
        assertThat(organisations("由河西区科协、区科技局、天津引元信息科技有限公司共同主办。")).as("place before the brand")
                .contains("天津引元信息科技有限公司");
        assertThat(organisations("社区主动对接共建单位众福(天津)健康产业发展有限公司开展义诊。")).as("bracketed place, after an apposition")
                .containsExactly("众福(天津)健康产业发展有限公司");
        assertThat(organisations("市委主题教育第四巡回督导组全体成员参加。")).as("an ordinal").containsExactly("市委主题教育第四巡回督导组");
        assertThat(organisations("东海街道红色老兵营为居民服务。")).as("an ending split over two words").containsExactly("东海街道红色老兵营");
        assertThat(organisations("文旅市场诚信经营氛围得到了进一步彰显。区文旅局将持续强化监管。")).as("a bureau HanLP reads as a name")
                .containsExactly("区文旅局");
        assertThat(organisations("同时,区总工会联动医院专业医生为职工义诊。")).as("an organisation acting").containsExactly("区总工会");
    }

    private static List<String> organisations(String paragraph) {
        return enrich(article(null, null, paragraph)).organisations().stream().map(Enrichment.Organisation::name)
                .map(name -> java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)).toList();
    }

    @Test
    void summaryIsTheLeadSentenceAndOneMoreCompleteSentence() {
        Enrichment found = enrich(article(null, null, "日前,河西区召开会议。会议指出,要抓好燃气安全。", "会议强调,要压实责任,确保燃气安全。最后一句话没有写完"));
        assertThat(found.summary()).startsWith("日前,河西区召开会议。").endsWith("。").hasSizeGreaterThan("日前,河西区召开会议。".length());
    }

    @Test
    void emptyHugeAndForeignLanguageArticlesAreEnrichedWithoutError() {
        assertThat(enrich(article(null, null)).places()).isEmpty();
        assertThat(enrich(article(null, "Council meets", "The council met on Monday to discuss the budget.")).places()).isEmpty();
        String huge = "河西区东海街道开展活动,居民参加。".repeat(200_000 / 17);
        Enrichment hugeFound = enrich(article(null, null, huge));
        assertThat(hugeFound.places()).extracting(Place::name).contains("河西区", "东海街道");
        assertThat(hugeFound.summary()).isNotBlank();
    }

    @Test
    void everySeedArticleHasAtLeastOneTopic() throws IOException {
        IssueParser parser = new IssueParser();
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        int articles = 0;
        for (Path seed : seeds) {
            String text = Files.readString(seed);
            for (ParsedArticle article : parser.parse("0123456789abcdef", null, text).articles()) {
                Enrichment found = enrich(article);
                assertThat(found.tags()).as(article.headline() + " / " + article.body().get(0).text()).isNotEmpty();
                assertThat(found.keywords()).allSatisfy(k -> assertThat(k.term()).hasSizeGreaterThanOrEqualTo(2)
                        .isNotIn("高质量发展", "习近平新时代中国特色社会主义思想"));
                articles++;
            }
        }
        assertThat(articles).isGreaterThan(40);
    }
}
