package cn.hexi.newsroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.Byline;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.Span;
import org.assertj.core.groups.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueParserTest {

    private static final String ISSUE = "0123456789abcdef";
    private final IssueParser parser = new IssueParser();

    private ParsedIssue parse(String text) {
        return parser.parse(ISSUE, null, text);
    }

    /** The article's body as (type, text) pairs. */
    private static List<Tuple> items(ParsedArticle article) {
        return article.body().stream().map(item -> Tuple.tuple(item.type(), item.text())).toList();
    }

    private static Tuple paragraph(String text) {
        return Tuple.tuple(BodyItem.PARAGRAPH, text);
    }

    private static Tuple heading(String text) {
        return Tuple.tuple(BodyItem.HEADING, text);
    }

    private static List<String> paragraphs(ParsedArticle article) {
        return article.body().stream().filter(b -> b.type().equals(BodyItem.PARAGRAPH)).map(BodyItem::text).toList();
    }

    @Test
    void titleBlockAboveBylineGivesHeadlineAndSubheadlineAndBodyBelow() {
        ParsedIssue issue = parse("河西区召开经济运行工作推进会\n\n推动经济社会平稳有序运行\n\n■ 通讯员 岳志欣\n\n日前,会议召开。\n\n会议指出,要抓好落实。\n");

        ParsedArticle article = issue.articles().get(0);
        assertThat(article.headline()).isEqualTo("河西区召开经济运行工作推进会");
        assertThat(article.subheadline()).isEqualTo("推动经济社会平稳有序运行");
        assertThat(article.bylines()).containsExactly(new Byline("correspondent", "岳志欣"));
        assertThat(paragraphs(article)).containsExactly("日前,会议召开。", "会议指出,要抓好落实。");
        assertThat(article.articleId()).isEqualTo(ISSUE + "-001");
    }

    @Test
    void threeTitleLinesAreKickerHeadlineAndSubheadline() {
        ParsedArticle article = parse("引题在上\n主题在中\n副题在下\n■ 通讯员 万彤\n正文一段。\n").articles().get(0);
        assertThat(List.of(article.kicker(), article.headline(), article.subheadline())).containsExactly("引题在上", "主题在中", "副题在下");
    }

    @Test
    void bylinesOfOtherPapersAreRecognisedWithTheirRoles() {
        assertThat(parse("标题一\n本报记者 张三 李四\n正文。\n").articles().get(0).bylines())
                .containsExactly(new Byline("reporter", "张三"), new Byline("reporter", "李四"));
        assertThat(parse("标题二\n记者 王五 通讯员 赵六\n正文。\n").articles().get(0).bylines())
                .extracting(Byline::name).containsExactly("王五", "赵六");
        assertThat(parse("标题三\n文/孙七\n正文。\n").articles().get(0).bylines()).containsExactly(new Byline("writer", "孙七"));
    }

    @Test
    void runningTextStartingWithARoleWordIsNotAByline() {
        ParsedIssue issue = parse("标题\n■ 通讯员 万彤\n记者从区委获悉,活动举办。\n");
        assertThat(issue.articles()).hasSize(1);
        assertThat(paragraphs(issue.articles().get(0))).containsExactly("记者从区委获悉,活动举办。");
    }

    @Test
    void photoItemHasTitleCaptionAndPhotographers() {
        ParsedIssue issue = parse("前文标题\n■ 通讯员 万彤\n前文正文。\n\n古韵新风 佳节同乐\n\n9月19日,活动在人民公园举行。\n\n佟玉峰 摄\n");

        ParsedArticle photo = issue.articles().get(1);
        assertThat(photo.kind()).isEqualTo(ArticleKind.PHOTO);
        assertThat(photo.headline()).isEqualTo("古韵新风 佳节同乐");
        assertThat(photo.photographers()).containsExactly("佟玉峰");
        assertThat(paragraphs(photo)).containsExactly("9月19日,活动在人民公园举行。");
        assertThat(paragraphs(issue.articles().get(0))).containsExactly("前文正文。");
    }

    @Test
    void creditOnTheCaptionsLastLineIsSplitOff() {
        ParsedArticle photo = parse("标题\n■ 通讯员 万彤\n正文。\n\n图片标题\n活动现场气氛热烈。 李博 王琪越 摄\n").articles().get(1);
        assertThat(photo.photographers()).containsExactly("李博", "王琪越");
        assertThat(paragraphs(photo)).containsExactly("活动现场气氛热烈。");
    }

    @Test
    void deckBetweenTwoIdenticalBylinesIsTheDeck() {
        ParsedArticle article = parse("标题\n■ 通讯员 赵钰其\n各街道建立网格,为民服务出实效。\n■ 通讯员 赵钰其\n正文第一段。\n").articles().get(0);
        assertThat(article.deck()).isEqualTo("各街道建立网格,为民服务出实效。");
        assertThat(article.bylines()).hasSize(1);
        assertThat(paragraphs(article)).containsExactly("正文第一段。");
    }

    @Test
    void sectionBannerAboveAStoryIsItsSectionAndPageSlogansBelongToNoStory() {
        ParsedIssue issue = parse("新时代新征程新伟业\n\n十项行动见行见效\n\n提升消防安全意识\n\n■ 通讯员 岳志欣\n\n冬季是消防事故高发期。\n");

        ParsedArticle article = issue.articles().get(0);
        assertThat(article.section()).isEqualTo("十项行动见行见效");
        assertThat(article.headline()).isEqualTo("提升消防安全意识");
        assertThat(issue.report().unassigned()).containsExactly("新时代新征程新伟业");
    }

    @Test
    void editorsNoteIsAnArticleOfKindNote() {
        ParsedArticle note = parse("党建引领基层治理\n\n开栏语\n\n党建引领凝聚力,基层善治谱新篇。\n").articles().get(0);
        assertThat(note.kind()).isEqualTo(ArticleKind.NOTE);
        assertThat(note.headline()).isEqualTo("开栏语");
        assertThat(note.section()).isEqualTo("党建引领基层治理");
    }

    @Test
    void paragraphCutByAColumnBreakIsRejoinedWithBothSpans() {
        String text = "标题\n■ 通讯员 万彤\n要切实把思想统一到中\n\n央精神上来。\n";
        ParsedIssue issue = parse(text);

        BodyItem paragraph = issue.articles().get(0).body().get(0);
        assertThat(paragraph.text()).isEqualTo("要切实把思想统一到中央精神上来。");
        assertThat(paragraph.spans()).hasSize(2);
        assertThat(paragraph.spans().stream().map(s -> issue.text().substring(s.start(), s.end())).toList())
                .containsExactly("要切实把思想统一到中", "央精神上来。");
    }

    @Test
    void shortLineBetweenParagraphsIsACrosshead() {
        ParsedArticle article = parse("标题\n■ 通讯员 岳志欣\n第一段。\n进千家入万户 传递平安福\n第二段。\n").articles().get(0);
        assertThat(article.body()).extracting(BodyItem::type).containsExactly("paragraph", "heading", "paragraph");
    }

    @Test
    void jumpedStoryIsReattachedToTheStoryItContinues() {
        String text = "第一篇标题\n■ 通讯员 赵钰真\n会议强调,要把主题教育作为\n\n第二篇标题\n■ 通讯员 万彤\n第二篇正文。\n\n"
                + "转版标题 续上文\n\n的生动实践,推动工作落实。\n";
        ParsedIssue issue = parse(text);

        assertThat(issue.articles()).hasSize(2);
        ParsedArticle first = issue.articles().get(0);
        assertThat(paragraphs(first)).containsExactly("会议强调,要把主题教育作为的生动实践,推动工作落实。");
        assertThat(first.flags()).containsExactly("continuation");
        assertThat(paragraphs(issue.articles().get(1))).containsExactly("第二篇正文。");
    }

    @Test
    void storyEndingMidSentenceIsFlaggedTruncatedWithAWarning() {
        ParsedIssue issue = parse("标题\n■ 通讯员 万彤\n市委主题教育第四巡回督导组全体成\n");
        assertThat(issue.articles().get(0).flags()).containsExactly("truncated");
        assertThat(issue.report().warningsByKind()).containsEntry("truncated", 1);
    }

    @Test
    void markdownHeadingsCrlfNonBreakingSpacesAndIndentsAreNormalisedWithSpansIntact() {
        String text = "## 十项行动见行见效\r\n\r\n# 暖\u201C新\u201D惠聚\u00A0悦享西岸\r\n\r\n■\u00A0通讯员 万彤\r\n\r\n\u3000\u3000河西區开展活动。\r\n";
        ParsedIssue issue = parse(text);

        ParsedArticle article = issue.articles().get(0);
        assertThat(article.section()).isEqualTo("十项行动见行见效");
        assertThat(article.headline()).isEqualTo("暖\u201C新\u201D惠聚 悦享西岸");
        assertThat(paragraphs(article)).containsExactly("河西區开展活动。");
        Span headline = article.titleSpans().get("headline").get(0);
        assertThat(issue.text().substring(headline.start(), headline.end())).isEqualTo(article.headline());
        assertThat(issue.text()).hasSameSizeAs(text);
    }

    @Test
    void textWithoutStructureIsOneUnstructuredArticleWithAWarning() {
        ParsedIssue issue = parse("这是一段没有标题和署名的文字。\n又一段。\n");
        assertThat(issue.articles()).hasSize(1);
        assertThat(issue.articles().get(0).kind()).isEqualTo(ArticleKind.UNSTRUCTURED);
        assertThat(issue.report().warningsByKind()).containsEntry("no-structure", 1);
    }

    @Test
    void hugeSingleLineAndManyOneCharacterLinesParseWithoutError() {
        String oneLine = "文".repeat(5 * 1024 * 1024 / 3);
        assertThat(parse(oneLine).articles()).hasSize(1);
        String manyLines = "字\n".repeat(100_000);
        assertThat(parse(manyLines).articles()).hasSize(1);
    }

    @Test
    void headlinePrintedAboveAnotherStoryIsReattachedToTheStoryWhoseLeadItMatches() {
        String text = "河西区召开学习贯彻主题教育研讨班开班仪式\n巡察组向被巡察单位反馈巡察情况\n■ 通讯员 万彤\n"
                + "日前,区委巡察组向被巡察单位党组织反馈了巡察情况。\n\n"
                + "为建设核心区贡献力量\n■ 通讯员 赵钰真\n日前,河西区召开学习贯彻主题教育研讨班开班仪式,区领导出席。\n";
        ParsedIssue issue = parse(text);

        ParsedArticle feedback = issue.articles().get(0);
        ParsedArticle seminar = issue.articles().get(1);
        assertThat(feedback.headline()).isEqualTo("巡察组向被巡察单位反馈巡察情况");
        assertThat(seminar.headline()).isEqualTo("河西区召开学习贯彻主题教育研讨班开班仪式");
        assertThat(seminar.subheadline()).isEqualTo("为建设核心区贡献力量");
        assertThat(seminar.flags()).contains("orphan-headline");
        assertThat(issue.report().warningsByKind()).containsEntry("orphan-headline", 1);
    }

    @Test
    void bannerDroppedIntoAStoryIsLeftOutAndTheCutParagraphRejoined() {
        ParsedIssue issue = parse("标题\n■ 通讯员 张嫚芮\n活动现场,市级非物质文化遗产\n\n宣传阐释精神文明创建活动\n\n的互动活动精彩亮相。\n");

        ParsedArticle article = issue.articles().get(0);
        assertThat(paragraphs(article)).containsExactly("活动现场,市级非物质文化遗产的互动活动精彩亮相。");
        assertThat(article.flags()).isEmpty();
        assertThat(issue.report().unassigned()).containsExactly("宣传阐释精神文明创建活动");
    }

    @Test
    void sloganPrintedOverTwoLinesBelongsToNoStory() {
        ParsedIssue issue = parse("标题\n■ 通讯员 万彤\n正文一段。\n\n团结奋斗新征程\n保守秘密靠大家\n");
        assertThat(paragraphs(issue.articles().get(0))).containsExactly("正文一段。");
        assertThat(issue.report().unassigned()).containsExactly("团结奋斗新征程", "保守秘密靠大家");
    }

    @Test
    void crossheadOverTwoLinesIsOneHeadingEvenAfterACutParagraph() {
        ParsedArticle article = parse("标题\n■ 通讯员 岳志欣\n第一段,功能性强\n\n统筹公共服务\n全力保障城市安全运行\n\n第二段。\n").articles().get(0);
        assertThat(items(article)).containsExactly(
                paragraph("第一段,功能性强"),
                heading("统筹公共服务 全力保障城市安全运行"),
                paragraph("第二段。"));
    }

    @Test
    void nameRepeatedOnABylineIsCreditedOnce() {
        assertThat(parse("标题\n■ 通讯员 岳志欣 岳志欣\n正文。\n").articles().get(0).bylines()).containsExactly(new Byline("correspondent", "岳志欣"));
    }

    @Test
    void runningTextBetweenHeadlineAndBylineIsTheDeck() {
        ParsedArticle article = parse("上一篇的正文。\n\n投笔从戎 绽放青春\n\n今年刚毕业的王某,终于实现了自己的理想\n\n■ 通讯员 孙玮\n\n"
                + "今年刚毕业的王某,终于实现了自己的理想。\n").articles().get(0);
        assertThat(article.headline()).isEqualTo("投笔从戎 绽放青春");
        assertThat(article.deck()).isEqualTo("今年刚毕业的王某,终于实现了自己的理想");
        assertThat(paragraphs(article)).containsExactly("今年刚毕业的王某,终于实现了自己的理想。");
    }

    @Test
    void titleLinesPrintedTogetherCountAsOneBlockSoFourLinesStayTheTitle() {
        ParsedIssue issue = parse("上一篇标题\n\n■ 通讯员 岳志欣\n\n上一篇的正文。\n\n引题在上\n\n主题的前半\n主题的后半\n\n副题在下\n\n■ 通讯员 万彤\n\n"
                + "正文一段。\n\n正文二段。\n");
        assertThat(paragraphs(issue.articles().get(0))).containsExactly("上一篇的正文。");
        ParsedArticle article = issue.articles().get(1);
        assertThat(List.of(article.kicker(), article.headline(), article.subheadline())).containsExactly("引题在上", "主题的前半", "主题的后半副题在下");
    }

    @Test
    void firstPartOfAParagraphCutByAColumnBreakIsNoCrosshead() {
        String text = "标题\n\n■ 通讯员 万彤\n\n社区居民参观了展览。\n\n“修好路灯\n\n真是太及时了。”居民说。\n\n会议指\n\n出,要抓好落实。\n\n"
                + "强化组织领导\n\n会议指出,要加强领导。\n";
        assertThat(items(parse(text).articles().get(0))).containsExactly(
                paragraph("社区居民参观了展览。"),
                paragraph("“修好路灯真是太及时了。”居民说。"),
                paragraph("会议指出,要抓好落实。"),
                heading("强化组织领导"),
                paragraph("会议指出,要加强领导。"));
    }

    @Test
    void indentedShortLineWithAnUnindentedOneBelowItIsTheStartOfAParagraph() {
        String text = "标题\n\n■ 通讯员 万彤\n\n\u3000\u3000第一段正文。\n\n\u3000\u3000美化里社区党委健全完善\n\n社区工作机制。\n\n一、聚焦民生\n\n\u3000\u3000第三段正文。\n";
        assertThat(items(parse(text).articles().get(0))).containsExactly(
                paragraph("第一段正文。"),
                paragraph("美化里社区党委健全完善社区工作机制。"),
                heading("一、聚焦民生"),
                paragraph("第三段正文。"));
    }

    @Test
    void shortLineAboveTextStartingMidSentenceGoesBackToTheStoryItWasCutFrom() {
        ParsedIssue issue = parse("标题\n\n■ 通讯员 万彤\n\n第一段正文。\n\n现场\n\n,社区居民参观了展览。\n\n第三段正文。\n");
        assertThat(issue.articles()).hasSize(1);
        assertThat(paragraphs(issue.articles().get(0))).containsExactly("第一段正文。", "现场,社区居民参观了展览。", "第三段正文。");
        assertThat(issue.report().warningsByKind()).doesNotContainKey("orphan-continuation");
    }

    @Test
    void photoInsideAStoryTakesOnlyTheParagraphAtItsCreditAsCaption() {
        ParsedIssue issue = parse("标题\n\n■ 通讯员 万彤\n\n第一段正文。\n\n聚焦民生实事\n\n第二段正文。\n\n为应对严寒天气,保障供应充足。\n\n李博 摄\n\n"
                + "第三段正文。\n");
        assertThat(issue.articles()).extracting(ParsedArticle::kind).containsExactly(ArticleKind.NEWS, ArticleKind.PHOTO);
        assertThat(issue.articles().get(0).body()).extracting(BodyItem::text).containsExactly("第一段正文。", "聚焦民生实事", "第二段正文。", "第三段正文。");
        assertThat(issue.articles().get(1).headline()).isNull();
        assertThat(paragraphs(issue.articles().get(1))).containsExactly("为应对严寒天气,保障供应充足。");
    }
}
