package cn.hexi.newsroom.publish.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hexi.newsroom.events.ArticleChange;
import cn.hexi.newsroom.events.EnrichedArticle;
import cn.hexi.newsroom.events.EventCodec;
import cn.hexi.newsroom.events.Place;
import cn.hexi.newsroom.publish.PublishTestSupport;
import cn.hexi.newsroom.publish.decision.Decision.Action;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorrectorTest {

    private static final Instant PUBLISHED = Instant.now();
    private static final Instant NOW = PUBLISHED.plusSeconds(600);
    private static final Place DONGHAI = new Place("东海街道", "street", "120103012", List.of("120103", "120000"), null, 1.0, List.of(), false);
    private static final CorrectionPatch.PlaceLookup GAZETTEER = code -> code.equals(DONGHAI.code()) ? Optional.of(DONGHAI) : Optional.empty();

    private final Corrector corrector = new Corrector();
    private final ContentHash hash = new ContentHash(new EventCodec());
    private final EnrichedArticle machine = PublishTestSupport.article("0123456789abcdef", "燃气安全进社区", "燃气安全");

    @Test
    void aCorrectionIsANewVersionRecordingWhoWhenAndWhatChanged() {
        Decision d = corrector.correct(stored(EditorCorrections.NONE), patch(Map.of("headline", "燃气安全进万家", "tags", List.of("燃气安全", "社区服务"))),
                "万彤", NOW);

        assertThat(d.action()).isEqualTo(Action.REPLACE);
        assertThat(d.version()).isEqualTo(NOW.toEpochMilli());
        assertThat(d.readVersion()).isEqualTo(machine.enrichment().version());
        assertThat(d.contentHash()).as("still the pipeline's output's").isEqualTo(hash.of(machine));
        assertThat(d.article().article().headline()).isEqualTo("燃气安全进万家");
        assertThat(d.machine().article().headline()).isEqualTo("燃气安全进社区");
        assertThat(d.article().enrichment().tags()).extracting(t -> t.name() + ":" + t.evidence())
                .containsExactly("燃气安全:[燃气安全]", "社区服务:[]");
        assertThat(d.revision().change()).isEqualTo(ArticleChange.CORRECTED);
        assertThat(d.revision().editor()).isEqualTo("万彤");
        assertThat(d.revision().changes()).containsExactly(
                new FieldChange(CorrectableField.HEADLINE, "燃气安全进社区", "燃气安全进万家"),
                new FieldChange(CorrectableField.TAGS, List.of("燃气安全"), List.of("燃气安全", "社区服务")));
        assertThat(d.editorial().corrections().headline()).isEqualTo(new Corrected<>("燃气安全进万家", "万彤", NOW));
    }

    @Test
    void nullClearsACorrectionAndThePipelinesValueShowsAgain() {
        EditorCorrections corrected = EditorCorrections.NONE.with(CorrectableField.HEADLINE, new Corrected<>("编辑的标题", "万彤", PUBLISHED));
        Map<String, Object> clear = new HashMap<>();
        clear.put("headline", null);

        Decision d = corrector.correct(stored(corrected), patch(clear), "佟玉峰", NOW);

        assertThat(d.action()).isEqualTo(Action.REPLACE);
        assertThat(d.article().article().headline()).isEqualTo("燃气安全进社区");
        assertThat(d.editorial().corrections().isEmpty()).isTrue();
        assertThat(d.revision().changes()).containsExactly(new FieldChange(CorrectableField.HEADLINE, "编辑的标题", "燃气安全进社区"));
    }

    @Test
    void aPatchThatChangesNothingMakesNoVersion() {
        EditorCorrections corrected = EditorCorrections.NONE.with(CorrectableField.HEADLINE, new Corrected<>("编辑的标题", "万彤", PUBLISHED));

        Decision d = corrector.correct(stored(corrected), patch(Map.of("headline", " 编辑的标题 ")), "万彤", NOW);

        assertThat(d.action()).isEqualTo(Action.UNCHANGED);
        assertThat(d.notifies()).isFalse();
    }

    @Test
    void placesArePickedFromTheGazetteerByCodeOrNamedWithATypeWhenItHasNone() {
        Decision d = corrector.correct(stored(EditorCorrections.NONE),
                patch(Map.of("places", List.of(Map.of("code", "120103012"), Map.of("name", "友谊路", "type", "road")))), "万彤", NOW);

        assertThat(d.article().enrichment().places()).extracting(p -> p.name() + "/" + p.type() + "/" + p.code())
                .containsExactly("东海街道/street/120103012", "友谊路/road/null");
    }

    @Test
    void aPatchOfAnUnknownFieldOrAWrongShapeIsRefusedNamingTheField() {
        assertRefused(Map.of("body", "改正文"), "body");
        assertRefused(Map.of("headline", "  "), "headline");
        assertRefused(Map.of("headline", 3), "headline");
        assertRefused(Map.of("tags", "燃气安全"), "tags");
        assertRefused(Map.of("people", List.of("")), "people");
        assertRefused(Map.of("places", List.of(Map.of("code", "999999"))), "places");
        assertRefused(Map.of("places", List.of(Map.of("name", "某地", "type", "planet"))), "places");
        assertRefused(Map.of("subheadline", "长".repeat(CorrectionPatch.MAX_TEXT + 1)), "subheadline");
    }

    @Test
    void aWithdrawalIsAVersionAndAWithdrawnArticleCannotBeCorrected() {
        Decision withdrawal = corrector.withdraw(stored(EditorCorrections.NONE), "万彤", "与第二版重复", NOW);
        StoredArticle withdrawn = new StoredArticle(machine, machine, withdrawal.stored(NOW));

        assertThat(withdrawal.action()).isEqualTo(Action.REPLACE);
        assertThat(withdrawal.revision().change()).isEqualTo(ArticleChange.WITHDRAWN);
        assertThat(withdrawal.editorial().withdrawal()).isEqualTo(new Withdrawal("万彤", NOW, "与第二版重复"));
        assertThat(corrector.withdraw(withdrawn, "万彤", null, NOW.plusSeconds(1)).action()).isEqualTo(Action.UNCHANGED);
        assertThatThrownBy(() -> corrector.correct(withdrawn, patch(Map.of("headline", "新标题")), "万彤", NOW.plusSeconds(1)))
                .isInstanceOf(Corrector.EditRefusedException.class);
    }

    private void assertRefused(Map<String, Object> patch, String field) {
        assertThatThrownBy(() -> CorrectionPatch.parse(patch, GAZETTEER)).as(patch.toString())
                .isInstanceOfSatisfying(InvalidCorrectionException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static CorrectionPatch patch(Map<String, Object> members) {
        return CorrectionPatch.parse(members, GAZETTEER);
    }

    private StoredArticle stored(EditorCorrections corrections) {
        long version = machine.enrichment().version();
        StoredState state = new StoredState(version, hash.of(machine), version, PUBLISHED, version,
                Revision.ofPipeline(ArticleChange.PUBLISHED, EditorCorrections.NONE), new Editorial(corrections, null));
        return new StoredArticle(machine, corrections.applyTo(machine), state);
    }
}
