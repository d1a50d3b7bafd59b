package cn.hexi.newsroom.publish.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.Enrichment;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.IssueMetadata;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.decision.Decision.Action;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PublishDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(3600);
    private static final String ISSUE = "0123456789abcdef";

    private final ContentHash hash = new ContentHash(new EventCodec());
    private final PublishDecision decision = new PublishDecision(hash);

    @Test
    void newArticleIsInsertedAndNotifiedAsPublishedNow() {
        Decision d = only(decision.decide(List.of(version("燃气安全进社区", 10)), Map.of(), NOW));

        assertThat(d.action()).isEqualTo(Action.INSERT);
        assertThat(d.readVersion()).isZero();
        assertThat(d.publishedAt()).isEqualTo(NOW);
        assertThat(d.notifies()).isTrue();
    }

    @Test
    void newerVersionReplacesTheOneReadOnlyWhenWhatAnEditorSeesChanged() {
        EnrichedArticle stored = version("燃气安全进社区", 10);
        Map<String, StoredState> state = Map.of(id(), stored(10, hash.of(stored), 10));

        Decision changed = only(decision.decide(List.of(version("燃气安全进万家", 11)), state, NOW));
        Decision sameContent = only(decision.decide(List.of(version("燃气安全进社区", 12)), state, NOW));

        assertThat(changed.action()).isEqualTo(Action.REPLACE);
        assertThat(changed.readVersion()).isEqualTo(10);
        assertThat(sameContent.action()).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void olderVersionChangesNothingAndAStoredButUnnotifiedVersionIsNotifiedAsFirstPublished() {
        EnrichedArticle stored = version("燃气安全进社区", 10);

        Decision older = only(decision.decide(List.of(version("旧标题", 9)), Map.of(id(), stored(10, hash.of(stored), 10)), NOW));
        Decision unnotified = only(decision.decide(List.of(stored), Map.of(id(), stored(10, hash.of(stored), 0)), NOW));

        assertThat(older.action()).isEqualTo(Action.UNCHANGED);
        assertThat(older.notifies()).isFalse();
        assertThat(unnotified.action()).isEqualTo(Action.NOTIFY_STORED);
        assertThat(unnotified.publishedAt()).isEqualTo(EARLIER);
    }

    @Test
    void twoVersionsOfOneArticleInABatchWriteTheNewestOnceOverWhatWasRead() {
        EnrichedArticle stored = version("第一版", 10);
        Map<String, StoredState> state = Map.of(id(), stored(10, hash.of(stored), 10));

        List<Decision> decisions = decision.decide(List.of(version("第二版", 11), version("第三版", 12), version("第二版", 11)), state, NOW);

        Decision d = only(decisions);
        assertThat(d.action()).isEqualTo(Action.REPLACE);
        assertThat(d.version()).isEqualTo(12);
        assertThat(d.readVersion()).isEqualTo(10);
    }

    @Test
    void theSameNewRecordTwiceInABatchIsInsertedOnce() {
        EnrichedArticle article = version("燃气安全进社区", 10);

        Decision d = only(decision.decide(List.of(article, article), Map.of(), NOW));

        assertThat(d.action()).isEqualTo(Action.INSERT);
    }

    @Test
    void theSameTextSentAgainUnderAnotherNameThroughAnotherChannelChangesNothing() {
        EnrichedArticle asFile = version("燃气安全进社区", 10);
        EnrichedArticle asBody = new EnrichedArticle(asFile.article().withIssue(new IssueMetadata("河西报", null, null, null, NOW)),
                withVersion(asFile.enrichment(), 11));

        Decision d = only(decision.decide(List.of(asBody), Map.of(id(), stored(10, hash.of(asFile), 10)), NOW));

        assertThat(d.action()).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void contentHashIgnoresVersionEnrichmentTimeAndArrivalButNotText() {
        EnrichedArticle a = version("燃气安全进社区", 10);
        EnrichedArticle resent = PublishTestSupport.article(ISSUE, "燃气安全进社区", "燃气安全");
        EnrichedArticle reEnriched = new EnrichedArticle(resent.article(), withVersion(resent.enrichment(), 99));

        assertThat(hash.of(reEnriched)).isEqualTo(hash.of(a));
        assertThat(hash.of(version("燃气安全进万家", 10))).isNotEqualTo(hash.of(a));
    }

    @Test
    void contentHashIsTheSameWhateverOrderTheProducerWroteTheTitleSpansIn() {
        EventCodec codec = new EventCodec();
        ObjectNode json = (ObjectNode) codec.mapper().readTree(codec.write(version("燃气安全进社区", 10)));
        ObjectNode spans = (ObjectNode) json.get("article").get("titleSpans");
        for (String part : List.of("headline", "kicker", "subheadline", "deck")) {
            spans.set(part, codec.mapper().readTree("[{\"start\": 0, \"end\": 2}]"));
        }
        ObjectNode reversed = codec.mapper().createObjectNode();
        List<String> names = new ArrayList<>(spans.propertyNames());
        Collections.reverse(names);
        names.forEach(name -> reversed.set(name, spans.get(name)));
        byte[] asWritten = codec.mapper().writeValueAsBytes(json);
        ((ObjectNode) json.get("article")).set("titleSpans", reversed);
        byte[] inReverse = codec.mapper().writeValueAsBytes(json);

        assertThat(new String(inReverse, StandardCharsets.UTF_8)).isNotEqualTo(new String(asWritten, StandardCharsets.UTF_8));
        assertThat(hash.of(codec.read(inReverse, EnrichedArticle.class))).isEqualTo(hash.of(codec.read(asWritten, EnrichedArticle.class)));
    }

    @Test
    void aPipelineVersionAfterACorrectionKeepsTheEditorsHeadlineAndRaisesTheArticlesVersion() {
        EnrichedArticle machine = version("燃气安全进社区", 10);
        EditorCorrections corrections = EditorCorrections.NONE.with(CorrectableField.HEADLINE, new Corrected<>("编辑改的标题", "万彤", EARLIER));
        StoredState corrected = new StoredState(20, hash.of(machine), 20, EARLIER, 10, new Revision(ArticleChange.CORRECTED, "万彤", List.of(),
                List.of()), new Editorial(corrections, null));

        Decision newOutput = only(decision.decide(List.of(version("燃气安全进万家", 15)), Map.of(id(), corrected), NOW));
        Decision resent = only(decision.decide(List.of(version("燃气安全进社区", 30)), Map.of(id(), corrected), NOW));

        assertThat(newOutput.action()).isEqualTo(Action.REPLACE);
        assertThat(newOutput.version()).as("above the correction's version").isEqualTo(21);
        assertThat(newOutput.readVersion()).isEqualTo(20);
        assertThat(newOutput.article().article().headline()).isEqualTo("编辑改的标题");
        assertThat(newOutput.machine().article().headline()).isEqualTo("燃气安全进万家");
        assertThat(newOutput.revision().change()).isEqualTo(ArticleChange.UPDATED);
        assertThat(newOutput.revision().keptCorrections()).containsExactly(CorrectableField.HEADLINE);
        assertThat(resent.action()).as("the same text as the pipeline's output under the correction").isEqualTo(Action.UNCHANGED);
    }

    @Test
    void aWithdrawnArticleStaysWithdrawnWhateverThePipelineSends() {
        EnrichedArticle machine = version("燃气安全进社区", 10);
        StoredState withdrawn = new StoredState(20, hash.of(machine), 20, EARLIER, 10, new Revision(ArticleChange.WITHDRAWN, "万彤", List.of(),
                List.of()), new Editorial(EditorCorrections.NONE, new Withdrawal("万彤", EARLIER, "重复")));

        Decision d = only(decision.decide(List.of(version("燃气安全进万家", 15)), Map.of(id(), withdrawn), NOW));

        assertThat(d.action()).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void theFirstVersionIsPublishedAndALaterOutputOfThePipelineIsAnUpdate() {
        EnrichedArticle first = version("燃气安全进社区", 10);

        Decision inserted = only(decision.decide(List.of(first), Map.of(), NOW));
        Decision updated = only(decision.decide(List.of(version("燃气安全进万家", 11)), Map.of(id(), stored(10, hash.of(first), 10)), NOW));

        assertThat(inserted.revision().change()).isEqualTo(ArticleChange.PUBLISHED);
        assertThat(updated.revision().change()).isEqualTo(ArticleChange.UPDATED);
        assertThat(updated.revision().editor()).isNull();
    }

    private static StoredState stored(long version, String contentHash, long notifiedVersion) {
        return new StoredState(version, contentHash, notifiedVersion, EARLIER, version, Revision.ofPipeline(ArticleChange.PUBLISHED,
                EditorCorrections.NONE), Editorial.NONE);
    }

    private static Decision only(List<Decision> decisions) {
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private static String id() {
        return version("", 1).article().articleId();
    }

    private static EnrichedArticle version(String headline, long version) {
        EnrichedArticle article = PublishTestSupport.article(ISSUE, headline, "燃气安全");
        return new EnrichedArticle(article.article(), withVersion(article.enrichment(), version));
    }

    private static Enrichment withVersion(Enrichment e, long version) {
        return new Enrichment(version, e.enricher(), e.enrichedAt(), e.places(), e.tags(), e.keywords(), e.people(), e.organisations(),
                e.dates(), e.summary());
    }
}
