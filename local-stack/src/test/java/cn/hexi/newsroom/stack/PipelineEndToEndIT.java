package cn.hexi.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.hexi.newsroom.events.ArticleKind;
import cn.hexi.newsroom.events.ArticlePublished;
import cn.hexi.newsroom.events.BodyItem;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.EventHeaders;
import cn.hexi.newsroom.events.EventType;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.events.IssueParsed;
import cn.hexi.newsroom.events.ParsedArticle;
import cn.hexi.newsroom.events.RawIssue;
import cn.hexi.newsroom.events.Span;
import cn.hexi.newsroom.events.intake.IssueDecoder;
import cn.hexi.newsroom.events.intake.IssueIds;
import cn.hexi.newsroom.events.testing.EventAssertions;
import cn.hexi.newsroom.events.testing.RawRecords;
import cn.hexi.newsroom.events.testing.TopicProbe;
import cn.hexi.newsroom.examples.FollowPublishedArticles;
import cn.hexi.newsroom.publish.ninjs.NinjsSchema;
import cn.hexi.newsroom.stack.ops.DeadLetters;
import cn.hexi.newsroom.stack.ops.MetricSamples;
import cn.hexi.newsroom.stack.ops.PipelineStatus;
import cn.hexi.newsroom.stack.ops.PrometheusServer;
import cn.hexi.newsroom.stack.ops.PrometheusStatus;
import cn.hexi.newsroom.stack.ops.Reprocess;
import cn.hexi.newsroom.stack.ops.ReprocessMain;
import cn.hexi.newsroom.stack.ops.ScrapedStatus;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on a real Kafka broker (KRaft) and the embedded MongoDB store, with the four services
 * running from their jars: the five seed issues go in over HTTP and come out as stored, notified articles.
 * The tests share one stack (starting it is the expensive part) and run in a random order (JUnit logs the seed; set
 * {@code junit.jupiter.execution.order.random.seed} to repeat one): each sends what it needs, the seeds through
 * {@link #seedsPublished()}, and counts only its own issues' articles and notifications.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class PipelineEndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("newsroom.repo", ".."));
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path data;
    static LocalStack stack;
    static MongoClient mongo;
    static MongoDatabase db;
    static OtlpTraceReceiver traces;

    @BeforeAll
    static void startStack() throws Exception {
        traces = new OtlpTraceReceiver();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String port : List.of("kafka", "kafka-controller", "mongo")) {
            ports.put(port, 0);
        }
        LocalStack.SERVICES.forEach(service -> ports.put(service, 0));
        stack = LocalStack.start(new LocalStack.Settings(REPO, data, LocalStack.Store.MEMORY, null, null, ports, "256m", "test-key",
                // Records are logged one by one at DEBUG (a summary per batch at INFO): the trace test reads those lines.
                Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(), "LOGGING_LEVEL_CN_HEXI_NEWSROOM", "DEBUG")));
        mongo = MongoClients.create(stack.mongoUri());
        db = mongo.getDatabase("newsroom");
    }

    @AfterAll
    static void stopStack() {
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    /** The five seed issues, sent once for the whole class by whichever test needs them first, with what they became. */
    record Seeds(List<Path> files, List<String> issueIds, Set<String> articleIds) {
    }

    private static Seeds seeds;

    /**
     * The seeds uploaded and every article of them stored; the tests that read the seeds call this rather than rely on
     * another test having run first.
     */
    private static synchronized Seeds seedsPublished() throws Exception {
        if (seeds == null) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(REPO.resolve("seeds"))) {
                files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            }
            assertThat(files).hasSize(5);
            HttpResponse<String> accepted = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(files);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            List<String> issueIds = seedIssueIds();
            // Every issue recorded with its article count, every article stored.
            awaitTrue(() -> db.getCollection("issues").countDocuments(Filters.and(Filters.in("_id", issueIds), Filters.gt("articleCount", 0))) == 5);
            Set<String> articleIds = new HashSet<>();
            db.getCollection("issues").find(Filters.in("_id", issueIds)).forEach(issue -> articleIds.addAll(issue.getList("articleIds", String.class)));
            awaitTrue(() -> db.getCollection("articles").countDocuments(Filters.in("issueId", issueIds)) == articleIds.size());
            seeds = new Seeds(files, issueIds, articleIds);
        }
        return seeds;
    }

    @Test
    void seedIssuesFlowFromIngestToPublishedArticlesAndSendingThemAgainChangesNothing() throws Exception {
        Seeds seeds = seedsPublished();
        int articleCount = seeds.articleIds().size();
        assertThat(articleCount).isGreaterThan(30);
        Set<String> storedIds = new HashSet<>();
        db.getCollection("articles").find(Filters.in("issueId", seeds.issueIds())).forEach(article -> storedIds.add(article.getString("_id")));
        assertThat(storedIds).isEqualTo(seeds.articleIds());

        try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
            List<ConsumerRecord<String, byte[]>> notifications = published.awaitCount(r -> seeds.articleIds().contains(r.key()), articleCount,
                    FLOW_TIMEOUT);
            assertThat(notifications).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(seeds.articleIds());
            for (ConsumerRecord<String, byte[]> record : notifications) {
                ArticlePublished notification = EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, record, ArticlePublished.class);
                assertThat(notification.url()).endsWith(notification.articleId());
            }
        }
        assertOperationsSeeTheArticles(articleCount);
        assertTheApiListsEachSeedIssuesArticles(seeds);

        // The same seeds again: same issue ids, nothing new stored or notified.
        double recordsBefore = scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish"));
        HttpResponse<String> again = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(seeds.files());
        assertThat(again.statusCode()).isEqualTo(202);
        seeds.issueIds().forEach(issueId -> assertThat(again.body()).contains(issueId));
        // Publish counts every article record and every parsed-issue report it takes in.
        double perUpload = articleCount + seeds.issueIds().size();
        awaitTrue(() -> scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish")) >= recordsBefore + perUpload);
        assertThat(db.getCollection("articles").countDocuments(Filters.in("issueId", seeds.issueIds()))).isEqualTo(articleCount);
        assertThat(db.getCollection("issues").countDocuments(Filters.in("_id", seeds.issueIds()))).isEqualTo(5);

        // One seed's text once more, now as a plain body with no file name: the same content, no new version.
        Document first = db.getCollection("issues").find(Filters.and(Filters.in("_id", seeds.issueIds()),
                Filters.regex("metadata.sourceName", "^000_"))).first();
        double recordsBeforeBody = scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish"));
        HttpResponse<String> asBody = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stack.service("ingest-service").url("/api/issues"))
                .header("Content-Type", "text/plain; charset=UTF-8").header("X-API-Key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofFile(seeds.files().get(0))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asBody.body()).contains(first.getString("_id"));
        awaitTrue(() -> scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish"))
                >= recordsBeforeBody + first.getInteger("articleCount") + 1);
        assertThat(seedNotifications(seeds.issueIds())).isEqualTo(articleCount);
    }

    /** What operations see of the articles: freshness of every one, enrichment coverage, the last issue's time. */
    private static void assertOperationsSeeTheArticles(int atLeast) throws Exception {
        awaitTrue(() -> scrape("publish-service", "newsroom_article_freshness_seconds_count") >= atLeast);
        assertThat(scrape("publish-service", "newsroom_article_freshness_seconds_bucket", Map.of("le", "30.0")))
                .as("every article published within 30 s").isEqualTo(scrape("publish-service", "newsroom_article_freshness_seconds_count"));
        assertThat(MetricSamples.scrape(stack.service("publish-service").url("/actuator/prometheus"))
                .buckets("newsroom_article_freshness_seconds")).as("the SLO bounds").containsKeys(0.5, 1.0, 2.0, 5.0, 30.0);
        assertThat(scrape("enrich-service", "newsroom_enrich_articles_total")).isGreaterThanOrEqualTo(atLeast);
        assertThat(scrape("enrich-service", "newsroom_enrich_articles_with_total", Map.of("finding", "tag"))).isGreaterThanOrEqualTo(atLeast);
        assertThat(scrape("ingest-service", "newsroom_ingest_last_issue_timestamp_seconds"))
                .isCloseTo(Instant.now().getEpochSecond(), within(300.0));
    }

    /** The read API lists every article of each seed issue, on one page. */
    private static void assertTheApiListsEachSeedIssuesArticles(Seeds seeds) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> listed = new HashSet<>();
        for (String issueId : seeds.issueIds()) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    stack.service("publish-service").url("/api/articles?limit=200&issue=" + issueId)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode listing = json.readTree(page.body());
            assertThat(listing.get("nextCursor").isNull()).isTrue();
            listing.get("items").forEach(item -> listed.add(item.get("articleId").asString()));
        }
        assertThat(listed).isEqualTo(seeds.articleIds());
    }

    /** What downstream systems and editors read of the seeds. */
    @Test
    void everySeedArticleIsValidNinjsAndAStreetFindsTheArticlesAboutItsCommunities() throws Exception {
        seedsPublished();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        List<Document> articles = db.getCollection("articles").find().into(new ArrayList<>());
        assertThat(articles).hasSizeGreaterThan(30);
        for (Document article : articles) {
            String id = article.getString("_id");
            HttpResponse<String> ninjs = http.send(HttpRequest.newBuilder(stack.service("publish-service").url("/api/articles/" + id + "/ninjs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ninjs.statusCode()).isEqualTo(200);
            assertThat(NinjsSchema.violations(ninjs.body())).as(id).isEmpty();
            assertThat(json.readTree(ninjs.body()).get("uri").asString()).endsWith(id);
        }

        String tianta = "天塔街道";
        Document tiantaPlace = db.getCollection("articles").find(new Document("enrichment.places.name", tianta)).first()
                .get("enrichment", Document.class).getList("places", Document.class).stream()
                .filter(place -> tianta.equals(place.getString("name"))).findFirst().orElseThrow();
        String tiantaCode = tiantaPlace.getString("code");
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(stack.service("publish-service")
                .url("/api/articles?limit=200&place=" + URLEncoder.encode(tianta, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode items = json.readTree(found.body()).get("items");
        assertThat(items.size()).isPositive();
        List<String> typesInsideTianta = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> inside = new ArrayList<>();
            for (JsonNode place : item.get("enrichment").get("places")) {
                if (tiantaCode.equals(place.get("code").asString(null))
                        || place.get("parentCodes").valueStream().anyMatch(code -> code.asString().equals(tiantaCode))) {
                    inside.add(place.get("type").asString());
                }
            }
            assertThat(inside).as(item.get("articleId").asString()).isNotEmpty();
            typesInsideTianta.addAll(inside);
        }
        assertThat(typesInsideTianta).contains("community");
    }

    @Test
    void everyEventOnEveryPipelineTopicHonoursItsSchemaAndCloudEventsHeaders() throws Exception {
        Path seed = REPO.resolve("seeds/002_a18265de50452ea7.txt");
        String issueId = IssueIds.of(new IssueDecoder().decode(Files.readAllBytes(seed)).text());
        HttpResponse<String> accepted = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(List.of(seed));
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitTrue(() -> db.getCollection("articles").countDocuments(Filters.eq("issueId", issueId)) > 0);

        Map<EventType, Class<?>> payloads = Map.of(
                EventType.RAW_ISSUE, RawIssue.class,
                EventType.ISSUE_PARSED, IssueParsed.class,
                EventType.ARTICLE_PARSED, ParsedArticle.class,
                EventType.ARTICLE_ENRICHED, EnrichedArticle.class,
                EventType.ARTICLE_PUBLISHED, ArticlePublished.class);
        for (var entry : payloads.entrySet()) {
            try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrap(), entry.getKey().topic())) {
                // This issue's events (keyed by its id or its articles' ids): other tests put malformed records on purpose.
                List<ConsumerRecord<String, byte[]>> records = probe.drain(Duration.ofSeconds(3)).stream()
                        .filter(r -> r.key() != null && r.key().startsWith(issueId)).toList();
                assertThat(records).as(entry.getKey().topic()).isNotEmpty();
                records.forEach(r -> EventAssertions.assertConforms(entry.getKey(), r, entry.getValue()));
            }
        }
    }

    /**
     * The editors' page in a real browser (Debian's chromium): in Chinese, articles of a new issue appear without reload
     * within five seconds with their issue and a China Standard Time, markup in an article is shown as text, never run,
     * and English is a switch the page remembers.
     */
    @Test
    void editorsPageInChineseShowsNewArticlesLiveAndArticleMarkupAsText() throws Exception {
        seedsPublished(); // the search's reset shows more than the new article
        WebDriver browser = chromium();
        try {
            browser.get(stack.service("publish-service").url("/").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "live"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(browser.findElement(By.id("live-status")).getText()).isEqualTo("实时");
            assertThat(browser.findElement(By.id("filters")).getText()).contains("标签", "地点", "栏目", "筛选");

            String marker = "安全会议" + Long.toString(System.nanoTime(), 36);
            Path issue = data.resolve("hostile-issue.txt");
            Files.writeString(issue, "<script>window.hacked=1</script> 河西区召开" + marker + "\n\n■ 通讯员 万彤\n\n"
                    + "日前,河西区召开安全生产工作会议,<img src=x onerror=\"window.hacked=2\">部署重点工作。\n");
            HttpResponse<String> accepted = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(List.of(issue));
            assertThat(accepted.statusCode()).isEqualTo(202);
            long posted = System.nanoTime();

            WebElement card = new WebDriverWait(browser, Duration.ofSeconds(5)).until(
                    ExpectedConditions.presenceOfElementLocated(By.xpath("//ol[@id='articles']/li[contains(., '" + marker + "')]")));
            long seconds = Duration.ofNanos(System.nanoTime() - posted).toSeconds();
            assertThat(seconds).isLessThanOrEqualTo(5);
            assertThat(card.getText()).contains("<script>window.hacked=1</script>", "新闻", "北京时间", "hostile-issue.txt");
            card.click();
            WebElement view = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#view h2")));
            assertThat(view.getText()).contains("<script>window.hacked=1</script>");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "<img src=x"));
            Object hacked = ((JavascriptExecutor) browser).executeScript(
                    "return [window.hacked, document.querySelectorAll('#articles script, #view script, #view img').length]");
            assertThat(hacked).asList().containsExactly(null, 0L);
            assertThat(scrape("publish-service", "newsroom_notifications_total", Map.of("channel", "sse", "outcome", "delivered"))).isPositive();
            searchesOnThePage(browser, wait, marker);

            browser.findElement(By.id("language")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            assertThat(browser.findElement(By.id("filters")).getText()).contains("Tag", "Place", "Section");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "live"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("the choice is remembered").isEqualTo("en");
            assertThat(browser.findElement(By.id("live-status")).getText()).isEqualTo("live");
            browser.findElement(By.id("language")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        } finally {
            browser.quit();
        }
    }

    /**
     * Debian's Chromium, headless; the test is skipped where it is not installed (CI installs it). Each call is a browser
     * of its own, as a second editor's would be.
     */
    private static WebDriver chromium() {
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "skipped: Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run");
        return new ChromeDriver(options);
    }

    /**
     * An editor corrects an article on one page: the other page shows the correction live (markup typed into it as
     * text), the topic carries it as corrected, and sending the same issue again keeps the editor's headline. A
     * withdrawal then takes the article off both pages.
     */
    @Test
    void aCorrectionOnOnePageShowsLiveOnAnotherAndOnTheTopicSurvivesTheIssueSentAgainAndAWithdrawalLeavesBothLists() throws Exception {
        String marker = "更正演练" + Long.toString(System.nanoTime(), 36);
        Path issue = data.resolve("correction-issue.txt");
        Files.writeString(issue, "河西区举办" + marker + "\n\n■ 通讯员 万彤\n\n日前,东海街道举办" + marker + "活动,居民踊跃参加。\n");
        IssueUploader uploader = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key");
        assertThat(uploader.upload(List.of(issue)).statusCode()).isEqualTo(202);
        awaitTrue(() -> db.getCollection("articles").countDocuments(Filters.regex("headline", marker)) == 1);
        String articleId = db.getCollection("articles").find(Filters.regex("headline", marker)).first().getString("_id");
        String correctedHeadline = "<b>更正</b>" + marker;

        WebDriver editor = chromium();
        WebDriver reader = chromium();
        try {
            WebDriverWait editorWait = openPageWithCard(editor, marker);
            WebDriverWait readerWait = openPageWithCard(reader, marker);
            correctOnThePage(editor, editorWait, marker, correctedHeadline);

            readerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("articles"), correctedHeadline));
            assertThat(((JavascriptExecutor) reader).executeScript("return document.querySelectorAll('#articles b, #view b').length")).isEqualTo(0L);
            try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
                ArticlePublished correction = EventAssertions.assertConforms(EventType.ARTICLE_PUBLISHED, published.awaitCount(r -> r.key().equals(articleId)
                        && new String(r.value(), StandardCharsets.UTF_8).contains("\"change\":\"corrected\""), 1, FLOW_TIMEOUT).get(0), ArticlePublished.class);
                assertThat(correction.headline()).isEqualTo(correctedHeadline);
                assertThat(correction.changedFields()).contains("headline", "places");
                assertThat(correction.places()).extracting(ArticlePublished.PlaceRef::name).contains("天塔街道");
            }
            assertIssueSentAgainKeepsTheCorrection(uploader, issue, articleId, correctedHeadline);

            editor.findElement(By.id("withdraw")).click();
            editor.findElement(By.cssSelector("#withdraw-form input[name=reason]")).sendKeys("演练结束");
            editor.findElement(By.id("withdraw-confirm")).click();
            editorWait.until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawn-notice")));
            for (WebDriver page : List.of(editor, reader)) {
                new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(
                        By.xpath("//ol[@id='articles']/li[contains(., '" + marker + "')]")));
            }
            assertThat(editor.findElement(By.id("versions")).getText()).contains("首次发布", "人工更正", "由万彤", "撤稿", "演练结束");
        } finally {
            editor.quit();
            reader.quit();
        }
    }

    private static WebDriverWait openPageWithCard(WebDriver browser, String marker) {
        browser.get(stack.service("publish-service").url("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//ol[@id='articles']/li[contains(., '" + marker + "')]")));
        return wait;
    }

    /** Headline and a place picked from the gazetteer; the page asks once for the key and the editor's name. */
    private static void correctOnThePage(WebDriver browser, WebDriverWait wait, String marker, String headline) {
        browser.findElement(By.xpath("//ol[@id='articles']/li[contains(., '" + marker + "')]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit"))).click();
        assertThat(browser.findElement(By.id("edit-form")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("withdraw-form")).isDisplayed()).as("the withdrawal waits for its button").isFalse();
        WebElement headlineInput = browser.findElement(By.cssSelector("#edit-form input[name=headline]"));
        headlineInput.clear();
        headlineInput.sendKeys(headline);
        browser.findElement(By.id("place-search")).sendKeys("天塔");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#place-results button[data-code]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-places"), "天塔街道"));
        browser.findElement(By.id("save-correction")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys("test-key");
        browser.findElement(By.id("editor-name")).sendKeys("万彤");
        browser.findElement(By.id("key-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-message"), "已保存"));
        assertThat(browser.findElement(By.cssSelector("#view h2")).getText()).isEqualTo(headline);
    }

    /** The same file again goes through parse and enrich to publish, which finds the pipeline's output unchanged. */
    private void assertIssueSentAgainKeepsTheCorrection(IssueUploader uploader, Path issue, String articleId, String headline) throws Exception {
        long versionBefore = db.getCollection("articles").find(Filters.eq("_id", articleId)).first().getLong("version");
        double recordsBefore = scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish"));
        assertThat(uploader.upload(List.of(issue)).statusCode()).isEqualTo(202);
        // The issue's article and its parse report.
        awaitTrue(() -> scrape("publish-service", "newsroom_stage_records_in_total", Map.of("stage", "publish")) >= recordsBefore + 2);
        Document stored = db.getCollection("articles").find(Filters.eq("_id", articleId)).first();
        assertThat(stored.getString("headline")).isEqualTo(headline);
        assertThat(stored.getLong("version")).isEqualTo(versionBefore);
    }

    /** Free text finds the article by a word of its headline; a date range after it finds nothing, and says so. */
    private static void searchesOnThePage(WebDriver browser, WebDriverWait wait, String marker) {
        WebElement text = browser.findElement(By.name("q"));
        text.sendKeys(marker);
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#articles li[data-id]")).size() == 1
                && driver.findElement(By.id("articles")).getText().contains(marker));
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#filters [name=from]').value = '2099-01-01'");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("articles"), "没有符合条件的稿件"));
        browser.findElement(By.cssSelector("#filters button[type=reset]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#articles li[data-id]")).size() > 1);
    }

    /**
     * Dead letters operations can act on: a malformed record is listed with its stage and cause, and a record that
     * dead-lettered for a passing cause is published exactly once by a replay, however often it is replayed.
     */
    @Test
    void deadLettersAreListedWithStageAndCauseAndReplayPublishesAFixedRecordOnce() throws Exception {
        DeadLetters deadLetters = new DeadLetters(stack.kafkaBootstrap());
        String badKey = RawRecords.randomIssueId() + "-001";
        RawRecords.send(stack.kafkaBootstrap(), EventType.ARTICLE_PARSED.topic(), badKey, "{\"sequence\": \"first\"}".getBytes(StandardCharsets.UTF_8));
        awaitTrue(() -> deadLetters.list("enrich").stream().anyMatch(d -> badKey.equals(d.key())));
        DeadLetters.DeadLetter malformed = deadLetters.list("enrich").stream().filter(d -> badKey.equals(d.key())).findFirst().orElseThrow();
        assertThat(malformed.stage()).isEqualTo("enrich");
        assertThat(malformed.originalTopic()).isEqualTo(EventType.ARTICLE_PARSED.topic());
        assertThat(malformed.exception()).endsWith("MalformedEventException");
        assertThat(malformed.message()).contains("not a valid ParsedArticle");
        awaitTrue(() -> scrape("enrich-service", "newsroom_dead_letters_total",
                Map.of("reason", "MalformedEventException")) >= 1);

        // A valid article left in the publish dead letters, as a failure that has since passed would leave it.
        String issueId = RawRecords.randomIssueId();
        String text = "社区开展燃气安全宣传。";
        ParsedArticle article = new ParsedArticle(issueId, ParsedArticle.articleId(issueId, 1), 1,
                new IssueMetadata(null, null, null, "dead.txt", Instant.now()), ArticleKind.NEWS, null, null, "重放的稿件", null, null, List.of(), List.of(),
                List.of(new BodyItem(BodyItem.PARAGRAPH, text, List.of(new Span(0, text.length())))), List.of(), Map.of());
        EnrichedArticle enriched = new EnrichedArticle(article, new Enrichment(1, "test", Instant.now(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), text));
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrap());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(EventType.ARTICLE_ENRICHED.deadLetterTopic("publish"), article.articleId(),
                    new EventCodec().write(enriched));
            dead.headers().add("x-original-topic", EventType.ARTICLE_ENRICHED.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("x-exception-message", "MongoDB was down".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
        String deadId = deadLetters.list("publish").stream().filter(d -> article.articleId().equals(d.key())).findFirst().orElseThrow().id();

        assertThat(deadLetters.replay("publish", List.of(deadId))).hasSize(1);
        awaitTrue(() -> db.getCollection("articles").countDocuments(new Document("_id", article.articleId())) == 1);
        deadLetters.replay("publish", List.of(deadId));
        try (TopicProbe published = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
            assertThat(published.drain(Duration.ofSeconds(4))).filteredOn(r -> r.key().equals(article.articleId())).hasSize(1);
        }
        assertThat(db.getCollection("articles").countDocuments(new Document("_id", article.articleId()))).isEqualTo(1);
    }

    /** The sum of a metric's series on a service that carry every one of the given label values. */
    private static double scrape(String service, String metric, Map<String, String> labels) throws Exception {
        return MetricSamples.scrape(stack.service(service).url("/actuator/prometheus")).sum(metric, labels);
    }

    private static double scrape(String service, String metric) throws Exception {
        return scrape(service, metric, Map.of());
    }

    /**
     * A real Prometheus (Debian's package) with the project's configuration scrapes the running services: the pipeline's
     * metrics are read back through its HTTP API, and a dead letter in enrich fires its alert.
     */
    @Test
    void prometheusScrapesThePipelineAndTheDeadLetterFiresItsAlert() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed(),
                "Prometheus test skipped: no " + PrometheusServer.BINARY + " (apt-get install prometheus; .ci/run does)");
        seedsPublished();
        enrichHasADeadLetter();
        Map<String, String> targets = new LinkedHashMap<>();
        LocalStack.SERVICES.forEach(name -> targets.put(name, stack.service(name).url("/").getAuthority()));
        try (PrometheusServer prometheus = PrometheusServer.start(stack, REPO, data, freePort(), targets, Duration.ofSeconds(1))) {
            prometheus.awaitReady(Duration.ofSeconds(30));
            assertThat(prometheus.awaitQuery("count(up{job=\"newsroom\"} == 1) == 4", FLOW_TIMEOUT)).as("all four scraped").isTrue();
            awaitTrue(() -> prometheus.query("sum by (stage) (newsroom_stage_records_in_total{outcome=\"success\"})").orElse("")
                    .contains("\"stage\":\"publish\""));
            awaitTrue(() -> prometheus.query("ALERTS{alertname=\"NewsroomDeadLetters\", stage=\"enrich\", alertstate=\"firing\"}")
                    .orElse("").contains("MalformedEventException"));

            // ./pipeline status reads the same Prometheus.
            PipelineStatus status = new PrometheusStatus(prometheus.url("/"), Clock.systemUTC()).read().orElseThrow();
            assertThat(status.source()).startsWith("Prometheus at");
            // Nothing was published while this Prometheus ran, so its quantiles are over the service's lifetime, the
            // same buckets the scraped status interpolates itself.
            assertThat(status.freshness().window()).isEqualTo("since the publish service started");
            Map<Double, Double> buckets = MetricSamples.scrape(stack.service("publish-service").url("/actuator/prometheus"))
                    .buckets("newsroom_article_freshness_seconds");
            assertThat(status.freshness().p50().orElseThrow()).isCloseTo(PipelineStatus.quantile(0.5, buckets).orElseThrow(), within(1e-9));
            assertThat(status.freshness().p95().orElseThrow()).isCloseTo(PipelineStatus.quantile(0.95, buckets).orElseThrow(), within(1e-9));
            assertOperationsSeeTheSeedRun(status);
        }
    }

    /**
     * Without a Prometheus, {@code ./pipeline status} scrapes the services twice; an issue uploaded between the two
     * scrapes shows as flow through ingest and parse.
     */
    @Test
    void statusWithoutPrometheusScrapesTheServicesAndSeesAnIssueGoThrough() throws Exception {
        seedsPublished();
        enrichHasADeadLetter();
        Map<String, URI> metrics = new LinkedHashMap<>();
        PipelineStatus.STAGES.forEach(stage -> metrics.put(stage, stack.service(stage + "-service").url("/actuator/prometheus")));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch firstScrapeDone = new CountDownLatch(1);
            Future<PipelineStatus> reading = reader.submit(() -> new ScrapedStatus(metrics, Duration.ofSeconds(5), Clock.systemUTC())
                    .read("test", firstScrapeDone::countDown));
            awaitTrue(() -> firstScrapeDone.getCount() == 0);
            new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(List.of(REPO.resolve("seeds/003_bc6b60b01211006d.txt")));
            PipelineStatus status = reading.get(30, TimeUnit.SECONDS);
            assertThat(status.source()).contains("5 s apart");
            assertThat(stage(status, "ingest").inPerSecond()).isPositive();
            assertThat(stage(status, "parse").inPerSecond()).isPositive();
            assertThat(stage(status, "parse").outPerSecond()).isGreaterThan(stage(status, "parse").inPerSecond());
            assertOperationsSeeTheSeedRun(status);
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * Two issues in one upload are two traces, each running through all four services: the W3C trace context rides
     * in every event's headers, each service's log lines name trace, issue and article, and each service exports its
     * spans to the configured OTLP endpoint.
     */
    @Test
    void eachIssueIsOneTraceAcrossTheFourServicesInHeadersLogsAndExportedSpans() throws Exception {
        String marker = Long.toString(System.nanoTime(), 36);
        Path first = data.resolve("traced-1.txt");
        Path second = data.resolve("traced-2.txt");
        Files.writeString(first, "河西区召开防汛工作会议" + marker + "\n\n■ 通讯员 万彤\n\n日前,河西区召开防汛工作会议,部署汛期重点工作。\n");
        Files.writeString(second, "越秀路街道开展义诊活动" + marker + "\n\n■ 通讯员 万彤\n\n日前,越秀路街道开展义诊活动,居民踊跃参加。\n");
        HttpResponse<String> accepted = new IssueUploader(stack.service("ingest-service").url("/api/issues"), "test-key").upload(List.of(first, second));
        assertThat(accepted.statusCode()).isEqualTo(202);
        List<String> issueIds = new ArrayList<>();
        JsonMapper.builder().build().readTree(accepted.body()).get("issues").forEach(issue -> issueIds.add(issue.get("issueId").asString()));
        assertThat(issueIds).hasSize(2);
        awaitTrue(() -> issueIds.stream().allMatch(id -> db.getCollection("articles").countDocuments(new Document("issueId", id)) > 0));

        Map<String, Set<String>> traceIdsByIssue = new LinkedHashMap<>();
        Map<String, Set<String>> topicsByIssue = new LinkedHashMap<>();
        Map<String, String> articleByIssue = new LinkedHashMap<>();
        String[] topics = Stream.of(EventType.values()).map(EventType::topic).toArray(String[]::new);
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrap(), topics)) {
            for (ConsumerRecord<String, byte[]> record : probe.drain(Duration.ofSeconds(3))) {
                Map<String, String> headers = TopicProbe.headers(record);
                String issueId = headers.get(EventHeaders.ISSUE_ID);
                if (issueIds.contains(issueId)) {
                    assertThat(headers).as(record.topic()).containsKey("traceparent");
                    traceIdsByIssue.computeIfAbsent(issueId, id -> new HashSet<>()).add(headers.get("traceparent").split("-")[1]);
                    topicsByIssue.computeIfAbsent(issueId, id -> new HashSet<>()).add(record.topic());
                    if (record.topic().equals(EventType.ARTICLE_PUBLISHED.topic())) {
                        articleByIssue.put(issueId, record.key());
                    }
                }
            }
        }
        for (String issueId : issueIds) {
            assertThat(topicsByIssue.get(issueId)).as(issueId).containsExactlyInAnyOrder(topics);
            assertThat(traceIdsByIssue.get(issueId)).as(issueId).hasSize(1);
        }
        String firstTrace = traceIdsByIssue.get(issueIds.get(0)).iterator().next();
        String secondTrace = traceIdsByIssue.get(issueIds.get(1)).iterator().next();
        assertThat(firstTrace).isNotEqualTo(secondTrace);

        String issueId = issueIds.get(0);
        String articleId = articleByIssue.get(issueId);
        for (String service : LocalStack.SERVICES) {
            String context = "trace=" + firstTrace + ",";
            String expected = service.startsWith("enrich") || service.startsWith("publish")
                    ? "issue=" + issueId + ",article=" + articleId + "]" : "issue=" + issueId + ",";
            List<String> lines = Files.readAllLines(data.resolve("logs").resolve(service + ".log"));
            assertThat(lines).as(service).anyMatch(line -> line.contains(context) && line.contains(expected));
            awaitTrue(() -> traces.received(service, firstTrace));
        }
    }

    /** The downstream example, plain kafka-clients and HTTP, follows the topic and fetches every seed article once. */
    @Test
    void theExampleConsumerFetchesEveryPublishedSeedArticle() throws Exception {
        Set<String> seedIds = new HashSet<>(seedsPublished().issueIds());
        Map<String, FollowPublishedArticles.Fetched> fetched = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(FLOW_TIMEOUT);

        FollowPublishedArticles.follow(stack.kafkaBootstrap(), stack.service("publish-service").url("/"), "example-" + System.nanoTime(),
                () -> Instant.now().isBefore(deadline) && fetched.keySet().stream().filter(id -> seedIds.contains(id.substring(0, 16))).count() < 44,
                article -> fetched.put(article.articleId(), article));

        List<FollowPublishedArticles.Fetched> seeds = fetched.values().stream().filter(f -> seedIds.contains(f.articleId().substring(0, 16))).toList();
        assertThat(seeds).hasSize(44).allSatisfy(f -> assertThat(f.httpStatus()).isEqualTo(200));
        assertThat(seeds).filteredOn(f -> f.headline() != null).isNotEmpty();
    }

    /** The issue ids of the seeds, as ingest computes them. */
    private static List<String> seedIssueIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPO.resolve("seeds"))) {
            for (Path seed : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                ids.add(IssueIds.of(new IssueDecoder().decode(Files.readAllBytes(seed)).text()));
            }
        }
        return ids;
    }

    /** Each service answers the probes an orchestrator sends; readiness names what the service needs to take traffic. */
    @Test
    void everyServiceAnswersLivenessAndReadinessWithWhatItDependsOn() throws Exception {
        Map<String, List<String>> readinessNeeds = Map.of("ingest-service", List.of("readinessState"),
                "parse-service", List.of("readinessState", "binders"), "enrich-service", List.of("readinessState", "binders"),
                "publish-service", List.of("readinessState", "binders", "mongo"));
        for (Map.Entry<String, List<String>> service : readinessNeeds.entrySet()) {
            HttpResponse<String> liveness = get(stack.service(service.getKey()).url("/actuator/health/liveness"));
            HttpResponse<String> readiness = get(stack.service(service.getKey()).url("/actuator/health/readiness"));

            assertThat(liveness.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(liveness.body()).as(service.getKey()).contains("\"status\":\"UP\"");
            assertThat(readiness.statusCode()).as(service.getKey()).isEqualTo(200);
            JsonNode components = JsonMapper.builder().build().readTree(readiness.body()).get("components");
            for (String component : service.getValue()) {
                assertThat(components.at("/" + component + "/status").asString()).as(service.getKey() + " " + component).isEqualTo("UP");
            }
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** No form of a guarded path gets past the access policy of any service: a bound stage cannot be paused, nor subscriptions read. */
    @Test
    void noVariantOfAGuardedPathAnswersWithoutTheKeyOnAnyService() throws Exception {
        String pause = "{\"state\":\"PAUSED\"}";
        List<String[]> guarded = List.of(
                new String[] {"ingest-service", "POST", "/api/issues", "{}"},
                new String[] {"ingest-service", "GET", "/actuator/env", ""},
                new String[] {"parse-service", "POST", "/actuator/bindings/parseIssue-in-0", pause},
                new String[] {"parse-service", "GET", "/actuator/bindings", ""},
                new String[] {"parse-service", "GET", "/actuator/env", ""},
                new String[] {"enrich-service", "POST", "/actuator/bindings/enrichArticle-in-0", pause},
                new String[] {"enrich-service", "GET", "/actuator/bindings", ""},
                new String[] {"enrich-service", "GET", "/actuator/loggers", ""},
                new String[] {"publish-service", "GET", "/api/webhooks", ""},
                new String[] {"publish-service", "POST", "/api/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\"}"},
                new String[] {"publish-service", "DELETE", "/api/webhooks/some-id", ""},
                new String[] {"publish-service", "POST", "/api/webhooks/some-id/rotate-secret", ""},
                new String[] {"publish-service", "POST", "/actuator/bindings/publishArticle-in-0", pause});
        for (String[] call : guarded) {
            Map<String, Integer> statuses = UnkeyedRequests.statusesWithoutKey(stack.service(call[0]).url("/"), call[1], call[2], call[3]);
            assertThat(statuses).as(call[0]).allSatisfy((variant, status) -> assertThat(status).as(variant).isIn(400, 401, 403, 404, 405));
        }
        for (String stage : List.of("parse-service", "enrich-service")) {
            HttpResponse<String> bindings = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stack.service(stage).url("/actuator/bindings"))
                    .header("X-API-Key", "test-key").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bindings.statusCode()).as(stage).isEqualTo(200);
            assertThat(bindings.body()).as(stage).contains("\"state\":\"running\"").doesNotContain("\"state\":\"paused\"");
        }
    }

    @Test
    void reprocessingTheSeedIssuesRunsThemThroughEveryStageAndChangesNoArticle() throws Exception {
        List<String> seedIssues = seedsPublished().issueIds();
        Map<String, Long> versionsBefore = articleVersions(seedIssues);
        long notificationsBefore = seedNotifications(seedIssues);

        Reprocess.Progress done;
        List<Reprocess.Progress> reports = new ArrayList<>();
        try (Reprocess reprocess = new Reprocess(stack.mongoUri(), "newsroom", stack.kafkaBootstrap())) {
            List<RawIssue> selected = reprocess.select(new Reprocess.Selection(seedIssues, null, false));
            assertThat(selected).extracting(RawIssue::issueId).containsExactlyInAnyOrderElementsOf(seedIssues);
            done = reprocess.run(selected, Duration.ofMillis(200), FLOW_TIMEOUT, reports::add);
        }

        assertThat(done.finished()).isTrue();
        assertThat(done.issuesDone()).isEqualTo(5);
        assertThat(done.articlesPublished()).isGreaterThanOrEqualTo(versionsBefore.size());
        assertThat(reports).last().isEqualTo(done);
        assertThat(ReprocessMain.bar(done)).contains("5/5 issues", "#".repeat(30));
        // Re-enriched with equal content: every article keeps its version and nothing is notified again.
        assertThat(articleVersions(seedIssues)).isEqualTo(versionsBefore);
        assertThat(seedNotifications(seedIssues)).isEqualTo(notificationsBefore);
    }

    private static Map<String, Long> articleVersions(List<String> issueIds) {
        Map<String, Long> versions = new LinkedHashMap<>();
        db.getCollection("articles").find(Filters.in("issueId", issueIds)).forEach(d -> versions.put(d.getString("_id"), d.getLong("version")));
        return versions;
    }

    private long seedNotifications(List<String> issueIds) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrap(), EventType.ARTICLE_PUBLISHED.topic())) {
            return probe.drain(Duration.ofSeconds(3)).stream().filter(r -> issueIds.contains(TopicProbe.headers(r).get(EventHeaders.ISSUE_ID))).count();
        }
    }

    /** At least one record in enrich's dead letters, which the operations tests expect to see and alert on. */
    private static void enrichHasADeadLetter() throws Exception {
        DeadLetters deadLetters = new DeadLetters(stack.kafkaBootstrap());
        if (deadLetters.list("enrich").isEmpty()) {
            RawRecords.send(stack.kafkaBootstrap(), EventType.ARTICLE_PARSED.topic(), RawRecords.randomIssueId() + "-001",
                    "{\"sequence\": \"first\"}".getBytes(StandardCharsets.UTF_8));
            awaitTrue(() -> scrape("enrich-service", "newsroom_dead_letters_total", Map.of("reason", "MalformedEventException")) >= 1);
        }
    }

    private static void assertOperationsSeeTheSeedRun(PipelineStatus status) {
        assertThat(status.allUp()).isTrue();
        assertThat(stage(status, "enrich").deadLetters()).isPositive();
        assertThat(stage(status, "publish").deadLetters()).isZero();
        assertThat(stage(status, "ingest").lag()).isEmpty();
        assertThat(stage(status, "enrich").lag()).isPresent();
        assertThat(status.freshness().articles()).isGreaterThanOrEqualTo(44);
        assertThat(status.freshness().p50().orElseThrow()).isLessThanOrEqualTo(status.freshness().p95().orElseThrow());
        assertThat(status.freshness().p95().orElseThrow()).isLessThanOrEqualTo(30);
        assertThat(status.lastIssue().orElseThrow()).isBetween(Instant.now().minus(Duration.ofMinutes(10)), Instant.now());
        assertThat(status.render(ZoneId.of("Asia/Shanghai"))).contains("enrich", "p95", "last issue ingested: 20");
    }

    private static PipelineStatus.Stage stage(PipelineStatus status, String name) {
        return status.stages().stream().filter(stage -> stage.name().equals(name)).findFirst().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(CheckedCondition condition) {
        Awaitility.await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(condition::holds);
    }

    @FunctionalInterface
    interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
